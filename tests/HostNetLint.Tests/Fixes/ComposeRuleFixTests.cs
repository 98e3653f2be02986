using HostNetLint.Fixes;

namespace HostNetLint.Tests.Fixes;

/// <summary>Fix-all on compose files, compared byte for byte with the expected text.</summary>
[TestFixture]
public sealed class ComposeRuleFixTests
{
    [Test]
    public void HNL3001_removes_the_version_line_and_the_blank_line_it_leaves_at_the_top()
    {
        const string before = """
            version: '3.8'

            services:
              web:
                image: nginx
            """;
        const string after = """
            services:
              web:
                image: nginx
            """;
        Assert.That(FixRunner.FixText(before), Is.EqualTo(after));
    }

    [Test]
    public void HNL3001_keeps_the_header_comment_above_version()
    {
        const string before = "# header\nversion: \"3\"\nservices:\n  web:\n    image: nginx\n";
        Assert.That(FixRunner.FixText(before), Is.EqualTo("# header\nservices:\n  web:\n    image: nginx\n"));
    }

    [Test]
    public void HNL3001_as_last_key_without_final_newline_keeps_the_missing_newline()
    {
        const string before = "services:\n  web:\n    image: nginx\nversion: '3'";
        Assert.That(FixRunner.FixText(before), Is.EqualTo("services:\n  web:\n    image: nginx"));
    }

    [Test]
    public void HNL1002_removes_ports_with_its_items_comments_and_inline_comment()
    {
        const string before = """
            services:
              web:
                image: nginx
                network_mode: host
                # published for the UI
                ports:
                  - "8888:8080"   # UI
                  # - "9999:9999"
                command: serve
            """;
        const string after = """
            services:
              web:
                image: nginx
                network_mode: host
                command: serve
            """;
        Assert.That(FixRunner.FixText(before), Is.EqualTo(after));
    }

    [Test]
    public void HNL1002_in_a_flow_mapping_removes_the_entry_and_its_comma()
    {
        const string before = "services:\n  web: { image: nginx, ports: [\"80:80\"], network_mode: host }\n";
        Assert.That(FixRunner.FixText(before), Is.EqualTo("services:\n  web: { image: nginx, network_mode: host }\n"));
    }

    [Test]
    public void HNL1002_ports_in_an_anchor_shared_with_a_bridge_service_is_not_fixed()
    {
        const string before = """
            x-common: &common
              image: nginx
              ports:
                - "80:80"
            services:
              web:
                <<: *common
                network_mode: host
              other:
                <<: *common
            """;
        Assert.That(FixRunner.FixText(before, options: new FixOptions { Rules = ["HNL1002"] }), Is.EqualTo(before));
    }

    [Test]
    public void HNL1003_removes_networks_of_a_host_network_service_with_CRLF()
    {
        const string before = "services:\r\n  web:\r\n    image: nginx\r\n    network_mode: host\r\n    networks:\r\n      - front\r\n    command: x\r\n";
        Assert.That(FixRunner.FixText(before), Is.EqualTo("services:\r\n  web:\r\n    image: nginx\r\n    network_mode: host\r\n    command: x\r\n"));
    }

    [Test]
    public void HNL1003_is_not_fixed_for_a_network_mode_other_than_host()
    {
        const string before = "services:\n  db:\n    image: postgres\n  web:\n    image: nginx\n    network_mode: service:db\n    networks:\n      - front\n";
        Assert.That(FixRunner.FixText(before, options: new FixOptions { Rules = ["HNL1003"] }), Is.EqualTo(before));
    }

    [Test]
    public void HNL1001_inserts_network_mode_at_the_service_indentation_with_four_spaces()
    {
        const string before = """
            services:
                scheduler:
                    image: airflow
                    volumes:
                        - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock
                    # trailing comment of the service

                db:
                    image: postgres
            """;
        const string after = """
            services:
                scheduler:
                    image: airflow
                    volumes:
                        - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock
                    network_mode: host
                    # trailing comment of the service

                db:
                    image: postgres
            """;
        Assert.That(FixRunner.FixText(before), Is.EqualTo(after));
    }

    [Test]
    public void HNL1001_keeps_flow_style()
    {
        const string before = "services:\n  scheduler: { image: airflow, environment: { LIBVIRT_DEFAULT_URI: \"qemu:///system\" } }\n";
        Assert.That(FixRunner.FixText(before), Is.EqualTo("services:\n  scheduler: { image: airflow, environment: { LIBVIRT_DEFAULT_URI: \"qemu:///system\" }, network_mode: host }\n"));
    }

    [Test]
    public void HNL1001_replaces_a_bridge_network_mode_instead_of_adding_a_duplicate_key()
    {
        const string before = "services:\n  scheduler:\n    network_mode: \"bridge\"\n    environment:\n      LIBVIRT_DEFAULT_URI: qemu:///system\n";
        Assert.That(FixRunner.FixText(before), Is.EqualTo("services:\n  scheduler:\n    network_mode: host\n    environment:\n      LIBVIRT_DEFAULT_URI: qemu:///system\n"));
    }

    [Test]
    public void HNL1001_at_the_end_of_a_file_without_final_newline_adds_none()
    {
        const string before = "services:\n  scheduler:\n    environment:\n      LIBVIRT_DEFAULT_URI: qemu:///system";
        Assert.That(FixRunner.FixText(before), Is.EqualTo("services:\n  scheduler:\n    environment:\n      LIBVIRT_DEFAULT_URI: qemu:///system\n    network_mode: host"));
    }

    [Test]
    public void HNL1001_anchor_merged_by_a_service_that_is_not_VM_facing_gets_the_fix_in_each_service()
    {
        const string before = """
            x-common: &common
              image: airflow
              environment:
                LIBVIRT_DEFAULT_URI: qemu:///system
            services:
              scheduler:
                <<: *common
              web:
                <<: *common
                labels:
                  io.hostnetlint.vm-access: "false"
            """;
        const string after = """
            x-common: &common
              image: airflow
              environment:
                LIBVIRT_DEFAULT_URI: qemu:///system
            services:
              scheduler:
                <<: *common
                network_mode: host
              web:
                <<: *common
                labels:
                  io.hostnetlint.vm-access: "false"
            """;
        Assert.That(FixRunner.FixText(before), Is.EqualTo(after));
    }

    [Test]
    public void HNL1001_after_a_keep_chomped_block_scalar_goes_before_it_so_the_scalar_keeps_its_blank_lines()
    {
        const string before = "services:\n  s:\n    volumes: [/run/libvirt:/run/libvirt]\n    # the command\n    command: |+\n      a\n\n\n  t:\n    image: x\n";
        Assert.That(
            FixRunner.FixText(before),
            Is.EqualTo("services:\n  s:\n    volumes: [/run/libvirt:/run/libvirt]\n    network_mode: host\n    # the command\n    command: |+\n      a\n\n\n  t:\n    image: x\n"));
    }

    [Test]
    public void HNL3001_after_a_document_marker_keeps_the_marker_and_the_comment_below()
    {
        const string before = "---\nversion: \"3\"\n# services follow\nservices:\n  s:\n    image: x\n";
        Assert.That(FixRunner.FixText(before), Is.EqualTo("---\n# services follow\nservices:\n  s:\n    image: x\n"));
    }

    [Test]
    public void Rule_filter_limits_fixing_to_the_named_rules()
    {
        const string before = "version: '3'\nservices:\n  web:\n    image: nginx\n    network_mode: host\n    ports:\n      - \"80:80\"\n";
        Assert.That(
            FixRunner.FixText(before, options: new FixOptions { Rules = ["HNL3001"] }),
            Is.EqualTo("services:\n  web:\n    image: nginx\n    network_mode: host\n    ports:\n      - \"80:80\"\n"));
    }

    [Test]
    public void BOM_and_encoding_survive_in_the_bytes_to_write()
    {
        using var temp = new TestSupport.TempDirectory();
        byte[] bom = [0xEF, 0xBB, 0xBF];
        temp.WriteBytes("compose.yaml", [.. bom, .. "version: '3'\nservices:\n  web:\n    image: nginx\n"u8]);
        var file = FixRunner.Fix(temp).Files.Single();
        Assert.That(file.NewBytes(), Is.EqualTo((byte[])[.. bom, .. "services:\n  web:\n    image: nginx\n"u8]));
    }

    [Test]
    public void A_file_with_a_duplicate_key_is_not_fixed_and_says_why()
    {
        using var temp = new TestSupport.TempDirectory();
        temp.Write("compose.yaml", "version: '3'\nservices:\n  web:\n    image: nginx\n    image: httpd\n");
        var file = FixRunner.Fix(temp).Files.Single();
        Assert.Multiple(() =>
        {
            Assert.That(file.IsChanged, Is.False);
            Assert.That(file.RefusedReason, Does.Contain("parse problems"));
        });
    }

    [Test]
    public void A_file_with_a_syntax_error_is_never_fixed()
    {
        using var temp = new TestSupport.TempDirectory();
        temp.Write("compose.yaml", "version: '3'\nservices:\n  web: [\n");
        Assert.That(FixRunner.Fix(temp).Changed, Is.Empty);
    }
}
