namespace Passerelle.GroupwareAsMail.Switch;

/// <summary>The switch in force at a level: its value, the level that set it, and for a device whether it shows the folders.</summary>
internal sealed record SwitchValue(SwitchMode Mode, SwitchLevel From, bool? Effective)
{
    public string FromName => From.ToString().ToLowerInvariant();
}
