namespace Passerelle.ActiveSync.Folders;

/// <summary>The item classes a collection syncs (AirSync Class).</summary>
internal enum EasClass
{
    Email,
    Contacts,
    Calendar,
    Tasks,
    Notes,
}
