return HostNetLint.Cli.CliApplication.Run(args, HostNetLint.Cli.Output.StandardOutput.Create(), Console.Error);
