namespace Duban.Domain.Work;

public enum DeliveryChannel
{
    Email = 0,
    Webhook = 1,
}

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// One attempt-tracked sending of a message outside the app: an email to a person, or a JSON post to a
/// group robot. Failures are retried with growing pauses and, after the last try, shown to the office.
/// </summary>
public sealed class Delivery : IRegionOwned
{
    public const int MaxAttempts = 5;

    public long Id { get; set; }
    public int RegionId { get; set; }
    public long? MessageId { get; set; }
    public DeliveryChannel Channel { get; set; }
    public required string Target { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public required string DedupKey { get; set; }

    public void Succeeded(DateTime utcNow)
    {
        Status = DeliveryStatus.Sent;
        SentAt = utcNow;
        Attempts++;
        LastError = null;
    }

    /// <summary>Records a failed try; retries after 1, 5, 15 and 60 minutes, then gives up.</summary>
    public void Failed(string error, DateTime utcNow)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
            return;
        }

        NextAttemptAt = utcNow.AddMinutes(Attempts switch { 1 => 1, 2 => 5, 3 => 15, _ => 60 });
    }
}
