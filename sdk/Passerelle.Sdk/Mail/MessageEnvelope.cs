namespace Passerelle.Sdk.Mail;

/// <summary>The main headers of a message, decoded.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="From">The From header, as an RFC 5322 address list.</param>
/// <param name="To">The To header.</param>
/// <param name="Cc">The Cc header.</param>
/// <param name="Date">The Date header.</param>
/// <param name="MessageId">The Message-ID, without angle brackets.</param>
public sealed record MessageEnvelope(
    string? Subject,
    string? From,
    string? To,
    string? Cc,
    DateTimeOffset? Date,
    string? MessageId);
