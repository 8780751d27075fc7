using Passerelle.Host.Cli;

return await PasserelleCli.RunAsync(args, Console.Out, Console.Error);
