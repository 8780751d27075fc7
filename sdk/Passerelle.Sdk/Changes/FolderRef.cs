namespace Passerelle.Sdk.Changes;

/// <summary>Names a folder across stores: which kind of store holds it, and its identifier there.</summary>
/// <param name="Source">The kind of store.</param>
/// <param name="FolderId">The folder's identifier in that store.</param>
public readonly record struct FolderRef(FolderSource Source, string FolderId);

/// <summary>The kinds of store a folder can come from.</summary>
public enum FolderSource
{
    /// <summary>An <see cref="Mail.IMailStore"/> folder.</summary>
    Mail,

    /// <summary>An <see cref="Groupware.IGroupwareStore"/> folder.</summary>
    Groupware,

    /// <summary>A folder of an <see cref="Folders.IVirtualFolderProvider"/>.</summary>
    Virtual,
}
