using Passerelle.GroupwareAsMail.Switch;

namespace Passerelle.GroupwareAsMail;

/// <summary><c>Plugins:GroupwareAsMail</c>: where the folders go and the switch's configuration level.</summary>
internal sealed class GroupwareAsMailOptions
{
    /// <summary>The name of the top-level mail folder holding one subfolder per notes, tasks or files folder.</summary>
    public string ParentFolder { get; set; } = "Groupware";

    /// <summary>The switch at the configuration level: on, off or auto.</summary>
    public string Default { get; set; } = "auto";

    /// <summary>Device types that <c>auto</c> gives the folders to whatever their protocol version.</summary>
    public List<string> AutoDeviceTypes { get; set; } = [];

    /// <summary>Whether the messages are also written into real folders of the mail store, for every mail client.</summary>
    public bool WriteToImap { get; set; }

    /// <summary>How often the written folders are compared with the groupware folders' states.</summary>
    public TimeSpan WriteInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The errors in these options, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!SwitchModes.TryParse(Default, out _))
        {
            errors.Add($"Default is '{Default}', not on, off or auto");
        }

        if (string.IsNullOrWhiteSpace(ParentFolder))
        {
            errors.Add("ParentFolder is empty");
        }

        if (WriteInterval <= TimeSpan.Zero)
        {
            errors.Add($"WriteInterval is {WriteInterval}, not a positive time");
        }

        return errors;
    }
}
