using Aro.Node.Cli;

return AroNodeCli.Run(args, Console.Out, Console.Error);
