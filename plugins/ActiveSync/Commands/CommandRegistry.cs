using Microsoft.AspNetCore.Http;
using Passerelle.ActiveSync.Http;

namespace Passerelle.ActiveSync.Commands;

/// <summary>The handlers found at start-up, checked against <see cref="CommandTable"/>: what is implemented now.</summary>
internal sealed class CommandRegistry
{
    private readonly Dictionary<string, ICommandHandler> _handlers;

    public CommandRegistry(IEnumerable<ICommandHandler> handlers)
    {
        _handlers = new Dictionary<string, ICommandHandler>(StringComparer.OrdinalIgnoreCase);
        foreach (var handler in handlers)
        {
            if (CommandTable.Find(handler.Command) is null)
            {
                throw new InvalidOperationException($"{handler.GetType().Name} handles '{handler.Command}', which is not in the CommandTable; add it there.");
            }

            if (!_handlers.TryAdd(handler.Command, handler))
            {
                throw new InvalidOperationException($"Two handlers answer '{handler.Command}': keep one.");
            }
        }
    }

    /// <summary>The commands with a handler, in table order, as OPTIONS lists them.</summary>
    public IEnumerable<string> Implemented => CommandTable.All.Select(c => c.Name).Where(_handlers.ContainsKey);

    /// <summary>The handler of a command in a version; an unknown or unimplemented command is a 501, one of another version a 400.</summary>
    public ICommandHandler Find(string command, ProtocolVersion version)
    {
        var info = CommandTable.Find(command);
        if (info is null || !_handlers.TryGetValue(info.Name, out var handler))
        {
            throw EasHttpException.NotImplemented(command);
        }

        if (!info.ExistsIn(version))
        {
            throw new EasHttpException(StatusCodes.Status400BadRequest, $"{info.Name} does not exist in protocol version {version}", 138);
        }

        return handler;
    }

    public void WriteCapabilities(HttpResponse response)
    {
        response.Headers["MS-Server-ActiveSync"] = EasEndpoint.ServerVersion;
        response.Headers["MS-ASProtocolVersions"] = string.Join(',', ProtocolVersion.Supported);
        response.Headers["MS-ASProtocolCommands"] = string.Join(',', Implemented);
    }
}
