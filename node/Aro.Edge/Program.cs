using Aro.Edge;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

return await EdgeCli.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
