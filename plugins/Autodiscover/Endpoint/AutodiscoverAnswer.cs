using Passerelle.Sdk.Accounts;

namespace Passerelle.Autodiscover.Endpoint;

/// <summary>What the server answers a request, before it is written in the schema asked for.</summary>
internal abstract record AutodiscoverAnswer;

/// <summary>The account is served here.</summary>
/// <param name="Account">The signed-in account.</param>
/// <param name="Address">The address answered for, one of the account's.</param>
/// <param name="ActiveSyncUrl">Where phones sync.</param>
/// <param name="Protocols">The protocols for desktop clients.</param>
internal sealed record SettingsAnswer(Account Account, string Address, Uri ActiveSyncUrl, IReadOnlyList<ProtocolOptions> Protocols) : AutodiscoverAnswer;

/// <summary>The account is hosted elsewhere.</summary>
/// <param name="Account">The signed-in account.</param>
/// <param name="Address">The address asked about.</param>
/// <param name="NewAddress">The address to start again with.</param>
/// <param name="Url">The other server's Autodiscover URL, for Outlook clients.</param>
internal sealed record RedirectAnswer(Account Account, string Address, string NewAddress, Uri? Url) : AutodiscoverAnswer;

/// <summary>The request cannot be answered.</summary>
/// <param name="Error">Why.</param>
internal sealed record ErrorAnswer(AutodiscoverError Error) : AutodiscoverAnswer;
