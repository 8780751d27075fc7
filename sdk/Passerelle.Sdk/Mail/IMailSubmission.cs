namespace Passerelle.Sdk.Mail;

/// <summary>Hands a message over for delivery: to local mailboxes, or to an SMTP server.</summary>
public interface IMailSubmission
{
    /// <summary>Submits a message on behalf of an account.</summary>
    /// <param name="accountId">The sending account.</param>
    /// <param name="mime">The message as MIME; <c>Bcc</c> is removed before delivery.</param>
    /// <param name="envelope">The envelope, or <see langword="null"/> to take it from the headers
    /// (the account's address as sender; To, Cc and Bcc as recipients).</param>
    /// <param name="cancellationToken">Cancels the submission.</param>
    /// <returns>Which recipients were accepted and which refused.</returns>
    /// <exception cref="Errors.InvalidItemException">The content is not a message, or has no recipient.</exception>
    /// <exception cref="Errors.MessageTooLargeException">The message exceeds the size limit.</exception>
    /// <exception cref="Errors.StoreUnavailableException">The mail server cannot be reached; try again later.</exception>
    Task<SubmissionResult> SubmitAsync(string accountId, Stream mime, SubmissionEnvelope? envelope, CancellationToken cancellationToken);
}

/// <summary>The SMTP envelope of a submission.</summary>
/// <param name="From">The envelope sender.</param>
/// <param name="Recipients">The envelope recipients.</param>
public sealed record SubmissionEnvelope(string From, IReadOnlyList<string> Recipients);

/// <summary>The outcome of a submission.</summary>
/// <param name="Accepted">Recipients the message was delivered or relayed to.</param>
/// <param name="Rejected">Recipients refused, each with the reason.</param>
public sealed record SubmissionResult(IReadOnlyList<string> Accepted, IReadOnlyList<RejectedRecipient> Rejected);

/// <summary>A recipient a submission refused.</summary>
/// <param name="Address">The address.</param>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record RejectedRecipient(string Address, string Reason);
