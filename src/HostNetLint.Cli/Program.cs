return HostNetLint.Cli.CliApplication.Run(args, Console.Out, Console.Error);
