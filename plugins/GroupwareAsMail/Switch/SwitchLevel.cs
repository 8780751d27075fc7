namespace Passerelle.GroupwareAsMail.Switch;

/// <summary>Where the switch's value in force comes from; each level inherits from the one above until set.</summary>
internal enum SwitchLevel
{
    Default,
    User,
    Device,
}
