using Microsoft.Extensions.Logging;

namespace Aro.JsonRpc.Hosting;

/// <summary>
/// Passes loggers through, but raises ASP.NET Core's own categories to Warning: Kestrel and the
/// hosting layer log every request at Information, which is noise for a node operator.
/// </summary>
internal sealed class QuietLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;

    public QuietLoggerFactory(ILoggerFactory inner) => _inner = inner;

    public ILogger CreateLogger(string categoryName)
    {
        var logger = _inner.CreateLogger(categoryName);
        return categoryName.StartsWith("Microsoft.", StringComparison.Ordinal) ? new WarningAndAbove(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    /// <summary>The node owns the inner factory; this wrapper does not dispose it.</summary>
    public void Dispose()
    {
    }

    private sealed class WarningAndAbove : ILogger
    {
        private readonly ILogger _inner;

        public WarningAndAbove(ILogger inner) => _inner = inner;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => _inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && _inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
