namespace Passerelle.GroupwareAsMail.Switch;

/// <summary>The switch's values: <c>auto</c> decides per device (below 14.0, or a listed DeviceType).</summary>
internal enum SwitchMode
{
    On,
    Off,
    Auto,
}

/// <summary>Reading and writing the switch's values as the CLI and the configuration spell them.</summary>
internal static class SwitchModes
{
    public static bool TryParse(string? text, out SwitchMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "on":
                mode = SwitchMode.On;
                return true;
            case "off":
                mode = SwitchMode.Off;
                return true;
            case "auto":
                mode = SwitchMode.Auto;
                return true;
            default:
                mode = SwitchMode.Auto;
                return false;
        }
    }

    public static string Name(this SwitchMode mode) => mode switch
    {
        SwitchMode.On => "on",
        SwitchMode.Off => "off",
        _ => "auto",
    };
}
