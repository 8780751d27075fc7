using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Passerelle.Host.Serving;

/// <summary>Appends log lines to <c>DATA/logs/passerelle-YYYYMMDD.log</c>, one file per day.</summary>
internal sealed class FileLoggerProvider(string folder, TimeProvider time) : ILoggerProvider
{
    private readonly Lock _lock = new();
    private StreamWriter? _writer;
    private DateOnly _day;

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_lock)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        var now = time.GetUtcNow();
        var line = $"{now:yyyy-MM-ddTHH:mm:ss.fffZ} {level,-11} {category}: {message}{(exception is null ? "" : Environment.NewLine + exception)}";
        lock (_lock)
        {
            WriterFor(DateOnly.FromDateTime(now.UtcDateTime)).WriteLine(line);
        }
    }

    private StreamWriter WriterFor(DateOnly day)
    {
        if (_writer is null || day != _day)
        {
            _writer?.Dispose();
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"passerelle-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.log");
            _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { AutoFlush = true };
            _day = day;
        }

        return _writer;
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
