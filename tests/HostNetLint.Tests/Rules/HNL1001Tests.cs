using HostNetLint.Fixes;
using HostNetLint.Tests.Fixes;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL1001Tests
{
    private const string Id = "HNL1001";

    [Test]
    public void Libvirt_socket_mount_inherited_through_merge_key_is_reported_at_each_service_with_the_anchor_as_origin()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            x-airflow-common: &airflow-common
              image: qubinode/airflow:latest
              volumes:
                - ./dags:/opt/airflow/dags
                - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro
            services:
              [|airflow-webserver|]:
                <<: *airflow-common
                command: webserver
              [|airflow-scheduler|]:
                <<: *airflow-common
                command: scheduler
            """);
        Assert.That(diagnostics.Select(d => d.RelatedLocations[0].Location.LineSpan.Start.Line), Is.All.EqualTo(4), "origin is the mount line in the anchor");
        Assert.That(diagnostics.Select(d => d.RelatedLocations[1].Location.LineSpan.Start.Line), Is.EqualTo(new[] { 7, 10 }), "merge sites are the << lines");
        Assert.That(diagnostics[0].Message, Does.Contain("mounts the libvirt socket '/var/run/libvirt/libvirt-sock' (from 'x-airflow-common')"));
    }

    /// <summary>
    /// YAML merges are shallow: a service's own volumes:, environment: or labels: replaces the anchor's whole list, so
    /// the evidence never cites a value the merge dropped. Each service keeps exactly one of the anchor's three signals.
    /// </summary>
    [Test]
    public void Evidence_never_cites_a_value_the_shallow_merge_dropped()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            x-airflow-common: &airflow-common
              image: quay.io/qubinode/airflow:2.10.5
              volumes:
                - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock
              environment:
                LIBVIRT_DEFAULT_URI: qemu:///system
              labels:
                io.hostnetlint.vm-access: "true"
            services:
              [|keeps-the-mount|]:
                <<: *airflow-common
                environment:
                  AIRFLOW__CORE__LOAD_EXAMPLES: "false"
                labels:
                  team: data
              [|keeps-the-uri|]:
                <<: *airflow-common
                volumes:
                  - ./dags:/opt/airflow/dags
                labels:
                  team: data
              [|keeps-the-label|]:
                <<: *airflow-common
                volumes:
                  - ./dags:/opt/airflow/dags
                environment:
                  AIRFLOW__CORE__LOAD_EXAMPLES: "false"
              flower:
                <<: *airflow-common
                volumes:
                  - ./flower:/data
                environment:
                  FLOWER_PORT: "5555"
                labels:
                  team: data
            """);
        var messages = diagnostics.ToDictionary(d => d.LogicalPath.Value.Split('/')[1], d => d.Message + string.Join(' ', d.RelatedLocations.Select(r => r.Location.Source.ToString(r.Location.Span))));
        Assert.Multiple(() =>
        {
            Assert.That(messages["keeps-the-mount"], Does.Contain("libvirt-sock").And.Not.Contain("LIBVIRT_DEFAULT_URI").And.Not.Contain("vm-access"));
            Assert.That(messages["keeps-the-uri"], Does.Contain("LIBVIRT_DEFAULT_URI").And.Not.Contain("libvirt-sock").And.Not.Contain("vm-access"));
            Assert.That(messages["keeps-the-label"], Does.Contain("vm-access").And.Not.Contain("libvirt-sock").And.Not.Contain("LIBVIRT_DEFAULT_URI"));
        });
    }

    [TestCase("- /run/libvirt:/run/libvirt")]
    [TestCase("- /var/run/libvirt/virtqemud-sock:/var/run/libvirt/virtqemud-sock")]
    [TestCase("- ${XDG_RUNTIME_DIR}/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock")]
    [TestCase("- type: bind\n        source: /var/run/libvirt/libvirt-sock-ro\n        target: /var/run/libvirt/libvirt-sock-ro")]
    public void Each_libvirt_mount_form_is_a_signal(string volume)
    {
        RuleVerifier.Verify(Id, $"""
            services:
              [|kcli-runner|]:
                image: karmab/kcli
                volumes:
                  {volume}
            """);
    }

    [TestCase("environment:\n      LIBVIRT_DEFAULT_URI: qemu:///system")]
    [TestCase("environment:\n      - KCLI_URL=qemu+ssh://root@hypervisor/system")]
    [TestCase("command: [\"virsh\", \"list\", \"--all\"]")]
    [TestCase("entrypoint: /usr/bin/kcli")]
    [TestCase("healthcheck:\n      test: [\"CMD-SHELL\", \"virsh -c qemu:///system list\"]")]
    [TestCase("environment:\n      FREEIPA_HOST: 192.168.122.116")]
    [TestCase("extra_hosts:\n      - \"ipa.example.com:192.168.122.116\"")]
    [TestCase("labels:\n      io.hostnetlint.vm-access: \"true\"")]
    public void Each_vm_access_signal_is_reported(string setting)
    {
        RuleVerifier.Verify(Id, $"""
            services:
              [|dag-runner|]:
                image: qubinode/airflow
                {setting}
            """);
    }

    [TestCase("network_mode: host")]
    [TestCase("network_mode: \"${NET:-host}\"")]
    public void Host_network_workload_is_not_reported(string mode)
    {
        RuleVerifier.Verify(Id, $"""
            services:
              scheduler:
                image: qubinode/airflow
                {mode}
                volumes:
                  - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock
            """);
    }

    [Test]
    public void Network_mode_inherited_from_the_anchor_counts()
    {
        RuleVerifier.Verify(Id, """
            x-common: &common
              network_mode: host
              volumes:
                - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock
            services:
              scheduler:
                <<: *common
                image: qubinode/airflow
            """);
    }

    [Test]
    public void Sharing_the_namespace_of_a_host_network_service_counts()
    {
        RuleVerifier.Verify(Id, """
            services:
              scheduler:
                image: qubinode/airflow
                network_mode: host
              sidecar:
                image: qubinode/airflow
                network_mode: service:scheduler
                command: virsh list
            """);
    }

    [Test]
    public void A_sidecar_of_a_bridge_service_is_reported_with_the_remedy_on_the_service_it_joins()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            services:
              web:
                image: qubinode/airflow
              [|probe|]:
                image: qubinode/airflow
                network_mode: service:web
                command: virsh list
            """);
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Message, Does.EndWith("Containers on a bridge network cannot reach VMs on libvirt networks; it shares the network namespace of 'web', so use network_mode: host on 'web'."));
            Assert.That(TempTreeText(diagnostics[0].RelatedLocations[^1].Location), Is.EqualTo("service:web"));
            Assert.That(diagnostics[0].RelatedLocations[^1].Message, Is.EqualTo("'probe' joins the network namespace of 'web' here"));
        });
    }

    [Test]
    public void The_fix_for_a_sidecar_puts_the_service_it_joins_on_the_host_network()
    {
        var fixedText = FixRunner.FixText("services:\n  web:\n    image: airflow\n  probe:\n    image: airflow\n    network_mode: service:web\n    command: virsh list\n", options: FixOptions.Default with { Rules = [Id] });
        Assert.That(fixedText, Is.EqualTo("services:\n  web:\n    image: airflow\n    network_mode: host\n  probe:\n    image: airflow\n    network_mode: service:web\n    command: virsh list\n"));
        Assert.That(Lint.Files(("compose.yaml", fixedText)).Where(d => d.Id == Id), Is.Empty);
    }

    [Test]
    public void A_chain_names_the_owner_and_the_first_step()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            services:
              web:
                image: nginx
                network_mode: bridge
              proxy:
                image: envoy
                network_mode: service:web
              [|probe|]:
                image: qubinode/airflow
                network_mode: service:proxy
                environment:
                  LIBVIRT_DEFAULT_URI: qemu:///system
            """);
        Assert.That(diagnostics[0].Message, Does.Contain("it shares the network namespace of 'web' (through 'proxy'), so use network_mode: host on 'web'"));
    }

    [TestCase("network_mode: service:nowhere")]
    [TestCase("network_mode: container:started-elsewhere")]
    [TestCase("network_mode: service:probe")]
    public void A_namespace_the_files_do_not_define_gets_the_benefit_of_the_doubt(string mode)
    {
        RuleVerifier.Verify(Id, $"""
            services:
              probe:
                image: qubinode/airflow
                {mode}
                command: virsh list
            """);
    }

    [Test]
    public void A_container_in_a_bridge_pod_is_told_to_put_the_pod_on_the_host_network()
    {
        var diagnostics = RuleVerifier.Verify(Id, ("airflow.service", """
            [Service]
            ExecStartPre=/usr/bin/podman pod create --replace --name airflow-pod
            ExecStart=[|/usr/bin/podman|] run --rm --pod airflow-pod -v /var/run/libvirt:/var/run/libvirt quay.io/qubinode/airflow scheduler
            """));
        Assert.That(diagnostics[0].Message, Does.EndWith("; it runs in the pod 'airflow-pod', which owns its network, so add --network=host to the 'podman pod create' of 'airflow-pod'."));
    }

    [Test]
    public void The_fix_for_a_pod_member_adds_the_host_network_to_podman_pod_create()
    {
        using var temp = new TempDirectory();
        temp.Write("airflow.service", "[Service]\nExecStartPre=/usr/bin/podman pod create --replace --name airflow-pod\nExecStart=/usr/bin/podman run --rm --pod airflow-pod -v /var/run/libvirt:/var/run/libvirt img a\nExecStartPost=/usr/bin/podman run --rm --pod airflow-pod -v /var/run/libvirt:/var/run/libvirt img b\n");
        var result = FixRunner.Fix(temp, FixOptions.Default with { Rules = [Id] });
        Assert.That(result.Changed.Single().NewText, Is.EqualTo("[Service]\nExecStartPre=/usr/bin/podman pod create --network=host --replace --name airflow-pod\nExecStart=/usr/bin/podman run --rm --pod airflow-pod -v /var/run/libvirt:/var/run/libvirt img a\nExecStartPost=/usr/bin/podman run --rm --pod airflow-pod -v /var/run/libvirt:/var/run/libvirt img b\n"));
        Assert.That(result.Remaining.Where(d => d.Id == Id), Is.Empty);
    }

    [Test]
    public void A_quadlet_pod_member_is_told_to_set_Network_host_in_the_pod_quadlet_and_the_fix_does_it()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            ("quadlets/lab.pod", "[Pod]\nPodName=lab\n"),
            ("quadlets/kcli.container", "[|[Container]|]\nImage=quay.io/karmab/kcli\nPod=lab.pod\nVolume=/run/libvirt:/run/libvirt\n"));
        Assert.That(diagnostics[0].Message, Does.EndWith("; it runs in the pod 'lab', which owns its network, so set Network=host in the [Pod] section of quadlets/lab.pod."));

        using var temp = new TempDirectory();
        temp.Write("quadlets/lab.pod", "[Pod]\nPodName=lab\n");
        temp.Write("quadlets/kcli.container", "[Container]\nImage=quay.io/karmab/kcli\nPod=lab.pod\nVolume=/run/libvirt:/run/libvirt\n");
        var result = FixRunner.Fix(temp, FixOptions.Default with { Rules = [Id] });
        Assert.That(result.Changed.Single().Path, Is.EqualTo("quadlets/lab.pod"));
        Assert.That(result.Changed.Single().NewText, Is.EqualTo("[Pod]\nPodName=lab\nNetwork=host\n"));
    }

    [TestCase("kcli.container", "[|[Container]|]\nImage=quay.io/karmab/kcli\nVolume=/run/libvirt:/run/libvirt\n", "; set Network=host in its [Container] section.")]
    [TestCase("kcli.service", "[Service]\nExecStart=[|/usr/bin/podman|] run --rm -v /run/libvirt:/run/libvirt quay.io/karmab/kcli list vm\n", "; add --network=host to its 'podman run'.")]
    [TestCase("compose.yaml", "services:\n  [|kcli|]:\n    image: quay.io/karmab/kcli\n    volumes:\n      - /run/libvirt:/run/libvirt\n", "; use network_mode: host.")]
    public void The_remedy_is_written_in_the_workloads_own_language(string path, string markup, string remedy)
    {
        var diagnostics = RuleVerifier.Verify(Id, (path, markup));
        Assert.That(diagnostics[0].Message, Does.EndWith(remedy));
    }

    private static string TempTreeText(HostNetLint.Parsing.Text.Location location) => location.Source.ToString(location.Span);

    [TestCase("- ./libvirt-notes:/notes")]
    [TestCase("- libvirt-data:/var/lib/libvirt")]
    [TestCase("- /var/lib/libvirt/images:/images:ro")]
    public void Unrelated_mounts_are_not_signals(string volume)
    {
        RuleVerifier.Verify(Id, $$"""
            services:
              web:
                image: nginx
                volumes:
                  {{volume}}
            volumes:
              libvirt-data: {}
            """);
    }

    [TestCase("environment:\n      DB_HOST: 192.168.1.20")]
    [TestCase("command: echo virshell")]
    [TestCase("environment:\n      VERSION: 1.192.168.122")]
    public void Near_misses_are_not_signals(string setting)
    {
        RuleVerifier.Verify(Id, $"""
            services:
              web:
                image: nginx
                {setting}
            """);
    }

    [Test]
    public void Opt_out_label_silences_the_rule()
    {
        RuleVerifier.Verify(Id, """
            services:
              backup:
                image: restic/restic
                labels:
                  io.hostnetlint.vm-access: "false"
                volumes:
                  - /run/libvirt:/run/libvirt:ro
            """);
    }

    [Test]
    public void Vm_networks_come_from_the_options()
    {
        var options = HostNetLint.Rules.Engine.LintOptions.Default with { VmNetworks = ["10.20.0.0/16"] };
        RuleVerifier.Verify(Id, options, ("compose.yaml", """
            services:
              [|router-config|]:
                image: vyos/config
                environment:
                  VYOS_ADDRESS: 10.20.1.1
              other:
                image: nginx
                environment:
                  TARGET: 192.168.122.5
            """));
    }

    [Test]
    public void A_bridge_quadlet_mounting_the_libvirt_socket_is_reported_at_its_Container_section()
    {
        RuleVerifier.Verify(Id, ("kcli.container", "[|[Container]|]\nImage=quay.io/karmab/kcli\nVolume=/var/run/libvirt:/var/run/libvirt\n"));
    }

    [Test]
    public void A_podman_run_line_without_host_network_is_reported()
    {
        RuleVerifier.Verify(Id, ("vm-check.service", "[Service]\nExecStart=[|/usr/bin/podman|] run --rm -v /var/run/libvirt:/var/run/libvirt quay.io/karmab/kcli list vm\n"));
    }

    [Test]
    public void HNL1001_inserts_network_mode_at_the_service_indentation_with_four_spaces()
    {
        RuleVerifier.VerifyFix(
            Id,
            """
            services:
                [|scheduler|]:
                    image: airflow
                    volumes:
                        - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock
                    # trailing comment of the service

                db:
                    image: postgres
            """,
            """
            services:
                scheduler:
                    image: airflow
                    volumes:
                        - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock
                    network_mode: host
                    # trailing comment of the service

                db:
                    image: postgres
            """);
    }

    [Test]
    public void HNL1001_keeps_flow_style() =>
        RuleVerifier.VerifyFix(
            Id,
            "services:\n  [|scheduler|]: { image: airflow, environment: { LIBVIRT_DEFAULT_URI: \"qemu:///system\" } }\n",
            "services:\n  scheduler: { image: airflow, environment: { LIBVIRT_DEFAULT_URI: \"qemu:///system\" }, network_mode: host }\n");

    [Test]
    public void HNL1001_replaces_a_bridge_network_mode_instead_of_adding_a_duplicate_key() =>
        RuleVerifier.VerifyFix(
            Id,
            "services:\n  [|scheduler|]:\n    network_mode: \"bridge\"\n    environment:\n      LIBVIRT_DEFAULT_URI: qemu:///system\n",
            "services:\n  scheduler:\n    network_mode: host\n    environment:\n      LIBVIRT_DEFAULT_URI: qemu:///system\n");

    [Test]
    public void HNL1001_at_the_end_of_a_file_without_final_newline_adds_none() =>
        RuleVerifier.VerifyFix(
            Id,
            "services:\n  [|scheduler|]:\n    environment:\n      LIBVIRT_DEFAULT_URI: qemu:///system",
            "services:\n  scheduler:\n    environment:\n      LIBVIRT_DEFAULT_URI: qemu:///system\n    network_mode: host");

    [Test]
    public void HNL1001_anchor_merged_by_a_service_that_is_not_VM_facing_gets_the_fix_in_each_service()
    {
        RuleVerifier.VerifyFix(
            Id,
            """
            x-common: &common
              image: airflow
              environment:
                LIBVIRT_DEFAULT_URI: qemu:///system
            services:
              [|scheduler|]:
                <<: *common
              web:
                <<: *common
                labels:
                  io.hostnetlint.vm-access: "false"
            """,
            """
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
            """);
    }

    [Test]
    public void HNL1001_after_a_keep_chomped_block_scalar_goes_before_it_so_the_scalar_keeps_its_blank_lines() =>
        RuleVerifier.VerifyFix(
            Id,
            "services:\n  [|s|]:\n    volumes: [/run/libvirt:/run/libvirt]\n    # the command\n    command: |+\n      a\n\n\n  t:\n    image: x\n",
            "services:\n  s:\n    volumes: [/run/libvirt:/run/libvirt]\n    network_mode: host\n    # the command\n    command: |+\n      a\n\n\n  t:\n    image: x\n");

    [Test]
    public void HNL1001_drops_the_merge_of_an_anchor_that_holds_only_the_networks_compose_would_reject_beside_host() =>
        RuleVerifier.VerifyFix(
            Id,
            """
            x-common: &common
              networks: [lab]
            services:
              [|web|]:
                <<: *common
                image: nginx
                volumes:
                  - /var/run/libvirt:/var/run/libvirt
            networks:
              lab: {}
            """,
            """
            x-common: &common
              networks: [lab]
            services:
              web:
                image: nginx
                volumes:
                  - /var/run/libvirt:/var/run/libvirt
                network_mode: host
            networks:
              lab: {}
            """);

    [Test]
    public void HNL1001_in_a_shared_anchor_removes_the_anchors_networks_in_the_same_fix() =>
        RuleVerifier.VerifyFix(
            Id,
            """
            x-common: &common
              image: airflow
              volumes:
                - /var/run/libvirt:/var/run/libvirt
              networks:
                - lab
              restart: always
            services:
              [|scheduler|]:
                <<: *common
              [|worker|]:
                <<: *common
            networks:
              lab: {}
            """,
            """
            x-common: &common
              image: airflow
              volumes:
                - /var/run/libvirt:/var/run/libvirt
              restart: always
              network_mode: host
            services:
              scheduler:
                <<: *common
              worker:
                <<: *common
            networks:
              lab: {}
            """);

    [Test]
    public void HNL1001_of_a_service_with_its_own_networks_is_one_fix_compose_accepts()
    {
        var diagnostics = RuleVerifier.Verify(Id, "services:\n  [|web|]:\n    image: nginx\n    networks: [lab]\n    volumes: [/run/libvirt:/run/libvirt]\nnetworks:\n  lab: {}\n");

        // What SARIF offers is the single fix, not a first step that leaves networks: beside network_mode.
        Assert.That(diagnostics.Single().Fixes.Single().Apply(), Is.EqualTo("services:\n  web:\n    image: nginx\n    volumes: [/run/libvirt:/run/libvirt]\n    network_mode: host\nnetworks:\n  lab: {}\n"));
    }

    [Test]
    public void HNL1001_with_a_merge_list_writes_network_mode_where_it_takes_effect_for_the_service()
    {
        // x-net comes first in the list, so its network_mode wins over x-virt's; db merges x-net too and stays on the bridge.
        RuleVerifier.VerifyFix(
            Id,
            """
            x-net: &net
              network_mode: bridge
            x-virt: &virt
              network_mode: bridge
              volumes:
                - /var/run/libvirt:/var/run/libvirt
            services:
              [|web|]:
                <<: [*net, *virt]
                image: nginx
              db:
                <<: *net
                image: postgres
            """,
            """
            x-net: &net
              network_mode: bridge
            x-virt: &virt
              network_mode: bridge
              volumes:
                - /var/run/libvirt:/var/run/libvirt
            services:
              web:
                <<: [*net, *virt]
                image: nginx
                network_mode: host
              db:
                <<: *net
                image: postgres
            """);
    }

    [Test]
    public void HNL1001_with_a_merge_list_replaces_the_winning_anchor_value_when_only_VM_facing_services_merge_it() =>
        RuleVerifier.VerifyFix(
            Id,
            "x-net: &net\n  network_mode: bridge\nx-virt: &virt\n  network_mode: bridge\n  volumes:\n    - /var/run/libvirt:/var/run/libvirt\nservices:\n  [|web|]:\n    <<: [*net, *virt]\n    image: nginx\n",
            "x-net: &net\n  network_mode: host\nx-virt: &virt\n  network_mode: bridge\n  volumes:\n    - /var/run/libvirt:/var/run/libvirt\nservices:\n  web:\n    <<: [*net, *virt]\n    image: nginx\n");

    [Test]
    public void No_fix_when_networks_come_through_extends_and_the_finding_says_why()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            services:
              base:
                image: airflow
                networks: [lab]
              [|web|]:
                extends: base
                volumes:
                  - /run/libvirt:/run/libvirt
            networks:
              lab: {}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Single().Fixes, Is.Empty);
            Assert.That(diagnostics.Single().NoFixReason, Is.EqualTo("'web' gets networks: from 'base' through extends, and removing them there would change 'base' too; give 'web' a definition of its own"));
        });
    }

    [Test]
    public void No_fix_when_an_anchor_gives_its_networks_to_a_service_that_stays_on_the_bridge()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            x-common: &common
              image: airflow
              networks: [lab]
            services:
              [|scheduler|]:
                <<: *common
                volumes:
                  - /run/libvirt:/run/libvirt
              web:
                <<: *common
            networks:
              lab: {}
            """);
        Assert.That(diagnostics.Single().NoFixReason, Is.EqualTo("networks: comes from an anchor at compose.yaml(3,3) that 'web' merges too and needs as it is (it is not VM-facing); move networks: out of the anchor into the services that need it"));
    }

    [Test]
    public void When_an_override_file_sets_network_mode_the_finding_is_there_and_the_fix_sets_host_there()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            ("compose.yaml", "services:\n  web:\n    image: nginx\n    volumes: [/run/libvirt:/run/libvirt]\n"),
            ("compose.override.yaml", "services:\n  [|web|]:\n    network_mode: bridge\n"));
        var fix = diagnostics.Single().Fixes.Single();
        Assert.Multiple(() =>
        {
            Assert.That(fix.Path, Is.EqualTo("compose.override.yaml"), "a value written in compose.yaml would lose to the override's");
            Assert.That(fix.Apply(), Is.EqualTo("services:\n  web:\n    network_mode: host\n"));
        });
    }

    [Test]
    public void No_fix_in_an_override_file_when_networks_come_from_the_base_file_and_the_finding_says_why()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            ("compose.yaml", "services:\n  web:\n    image: nginx\n    networks: [lab]\nnetworks:\n  lab: {}\n"),
            ("compose.override.yaml", "services:\n  [|web|]:\n    volumes: [/run/libvirt:/run/libvirt]\n"));
        Assert.That(diagnostics.Single().NoFixReason, Is.EqualTo("'web' gets networks: from compose.yaml(4,5) or another file, which an edit of compose.override.yaml cannot take away, and compose rejects network_mode: host beside networks; set it where the networks are"));
    }

    [Test]
    public void An_override_file_that_brings_the_signal_and_networks_gets_network_mode_and_loses_its_networks()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            ("compose.yaml", "services:\n  web:\n    image: nginx\n"),
            ("compose.override.yaml", "services:\n  [|web|]:\n    networks: [lab]\n    volumes: [/run/libvirt:/run/libvirt]\nnetworks:\n  lab: {}\n"));
        var fix = diagnostics.Single().Fixes.Single();
        Assert.Multiple(() =>
        {
            Assert.That(fix.Path, Is.EqualTo("compose.override.yaml"));
            Assert.That(fix.Apply(), Is.EqualTo("services:\n  web:\n    volumes: [/run/libvirt:/run/libvirt]\n    network_mode: host\nnetworks:\n  lab: {}\n"));
        });
    }

    [Test]
    public void A_suppressed_service_keeps_the_shared_anchor_as_it_is_and_the_others_are_fixed_one_by_one() =>
        RuleVerifier.VerifyFix(
            Id,
            """
            x-common: &common
              image: airflow
              environment:
                LIBVIRT_DEFAULT_URI: qemu:///system
            services:
              [|scheduler|]:
                <<: *common
              # hostnetlint-disable-next-line HNL1001 -- reaches the VMs through a macvlan network
              worker:
                <<: *common
            """,
            """
            x-common: &common
              image: airflow
              environment:
                LIBVIRT_DEFAULT_URI: qemu:///system
            services:
              scheduler:
                <<: *common
                network_mode: host
              # hostnetlint-disable-next-line HNL1001 -- reaches the VMs through a macvlan network
              worker:
                <<: *common
            """);

    [Test]
    public void No_fix_when_the_networks_are_shared_with_a_suppressed_service_and_the_finding_says_why()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            x-common: &common
              image: airflow
              environment:
                LIBVIRT_DEFAULT_URI: qemu:///system
              networks: [lab]
            services:
              [|scheduler|]:
                <<: *common
              # hostnetlint-disable-next-line HNL1001 -- reaches the VMs through a macvlan network
              worker:
                <<: *common
            networks:
              lab: {}
            """);
        Assert.That(diagnostics.Single().NoFixReason, Is.EqualTo("its fix edits text shared with HNL1001 at compose.yaml(10,3), which is suppressed, so it would be fixed as a side effect; fix this one by hand or lift that suppression"));
    }

    [Test]
    public void A_later_merge_list_item_does_not_shield_a_suppressed_service_from_the_anchor_fix()
    {
        // Found by the merge property test: 'worker' takes network_mode from *net today, but *virt comes first in its merge
        // list, so network_mode: host written into x-virt would win there and fix its suppressed finding as a side effect.
        RuleVerifier.VerifyFix(Id, """
            x-net: &net
              network_mode: bridge
            x-virt: &virt
              volumes: [/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock]
            services:
              [|scheduler|]:
                <<: *virt
                image: airflow
              # hostnetlint-disable-next-line HNL1001 -- reaches the VMs through a macvlan network
              worker:
                <<: [*virt, *net]
                image: airflow
            """, """
            x-net: &net
              network_mode: bridge
            x-virt: &virt
              volumes: [/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock]
            services:
              scheduler:
                <<: *virt
                image: airflow
                network_mode: host
              # hostnetlint-disable-next-line HNL1001 -- reaches the VMs through a macvlan network
              worker:
                <<: [*virt, *net]
                image: airflow
            """);
    }

    [Test]
    public void No_fix_for_a_pod_member_when_another_member_of_the_pod_is_suppressed()
    {
        var diagnostics = RuleVerifier.Verify(Id, ("airflow.service", """
            [Service]
            ExecStartPre=/usr/bin/podman pod create --replace --name airflow-pod
            # hostnetlint-disable-next-line HNL1001 -- reaches the VMs through a macvlan network
            ExecStart=/usr/bin/podman run --rm --pod airflow-pod -v /var/run/libvirt:/var/run/libvirt img a
            ExecStartPost=[|/usr/bin/podman|] run --rm --pod airflow-pod -v /var/run/libvirt:/var/run/libvirt img b
            """));
        Assert.That(diagnostics.Single().NoFixReason, Does.StartWith("its fix edits text shared with HNL1001 at airflow.service(4,11), which is suppressed"));
    }
}
