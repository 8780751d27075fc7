namespace Passerelle.Autodiscover.Endpoint;

/// <summary>Which answer a client asked for, by its AcceptableResponseSchema.</summary>
internal enum ResponseSchema
{
    /// <summary>Phones: the ActiveSync URL (mobilesync/responseschema/2006).</summary>
    MobileSync,

    /// <summary>Desktop clients: the configured protocols (outlook/responseschema/2006a).</summary>
    Outlook,
}
