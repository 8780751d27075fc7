using Passerelle.ActiveSync.Folders;

namespace Passerelle.ActiveSync.Sync;

/// <summary>The classes that can be synced now; a folder whose class has no converter is not offered.</summary>
internal sealed class SyncClasses(IEnumerable<ISyncClass> classes)
{
    private readonly Dictionary<EasClass, ISyncClass> _byClass = classes.ToDictionary(c => c.Class);

    public ISyncClass? For(EasClass easClass) => _byClass.GetValueOrDefault(easClass);

    public bool Supports(EasClass easClass) => _byClass.ContainsKey(easClass);
}
