using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GAL.Sources;

/// <summary>The stores the GAL reads, each optional: without a directory there are no accounts, without a groupware store no folders.</summary>
internal sealed class GalStores(IServiceProvider services)
{
    private readonly Lazy<IAccountDirectory?> _directory = new(services.GetService<IAccountDirectory>);
    private readonly Lazy<IGroupwareStore?> _groupware = new(services.GetService<IGroupwareStore>);
    private readonly Lazy<IReadOnlyList<IChangeFeed>> _feeds = new(() => services.GetServices<IChangeFeed>().ToList());

    public IAccountDirectory? Directory => _directory.Value;

    public IGroupwareStore? Groupware => _groupware.Value;

    public IReadOnlyList<IChangeFeed> Feeds => _feeds.Value;
}
