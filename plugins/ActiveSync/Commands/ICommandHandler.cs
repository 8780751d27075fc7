namespace Passerelle.ActiveSync.Commands;

/// <summary>Answers one EAS command. Handlers are found by scanning the plugin's assembly.</summary>
internal interface ICommandHandler
{
    /// <summary>The command's name, as in <see cref="CommandTable"/>.</summary>
    string Command { get; }

    /// <summary>Runs the command.</summary>
    Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken);
}
