using HostNetLint.Cli;
using HostNetLint.Cli.Output;

return CliApplication.Run(args, new CliContext(StandardOutput.Create(), Console.Error, Environment.CurrentDirectory)
{
    Utf8Output = StandardOutput.CreateUtf8(),
});
