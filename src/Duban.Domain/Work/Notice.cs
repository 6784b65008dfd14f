using System.Globalization;

namespace Duban.Domain.Work;

/// <summary>The escalation ladder after reminders: a reminder letter (提醒函), then a supervision notice (督办单).</summary>
public enum NoticeKind
{
    ReminderLetter = 0,
    SupervisionNotice = 1,

    /// <summary>A leader's written instruction (批示) on an item; the lead unit answers it like a notice.</summary>
    Instruction = 2,
}

/// <summary>
/// A formal, numbered notice to the unit that leads a lagging item. It is numbered per region, kind and
/// year ("督办〔2026〕第12号") and must be answered in writing by a date.
/// </summary>
public sealed class Notice : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int WorkItemId { get; set; }
    public NoticeKind Kind { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public required string Body { get; set; }
    public DateOnly AnswerBy { get; set; }
    public DateTime IssuedAt { get; set; }
    public required string IssuedByName { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredByName { get; set; }

    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>"督办〔2026〕第12号", "提醒〔2026〕第3号" or "批示〔2026〕第1号".</summary>
    public string Number => string.Create(CultureInfo.InvariantCulture, $"{Prefix(Kind)}〔{Year}〕第{Sequence}号");

    private static string Prefix(NoticeKind kind) => kind switch
    {
        NoticeKind.SupervisionNotice => "督办",
        NoticeKind.Instruction => "批示",
        NoticeKind.ReminderLetter => "提醒",
        _ => "提醒",
    };

    public Refusal? Respond(string answer, string by, DateTime utcNow)
    {
        if (IsAnswered)
        {
            return Refusal.NotPending;
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            return Refusal.StatementRequired;
        }

        Answer = answer.Trim();
        AnsweredAt = utcNow;
        AnsweredByName = by;
        return null;
    }
}

public enum MessageKind
{
    DueSoon = 0,
    Overdue = 1,
    ReportMissing = 2,
    Notice = 3,
    Returned = 4,
    Bulletin = 5,
}

/// <summary>One message in one account's in-app inbox. <see cref="DedupKey"/> keeps a reminder to once a day.</summary>
public sealed class Message : IRegionOwned
{
    public long Id { get; set; }
    public int RegionId { get; set; }
    public int AccountId { get; set; }
    public int? WorkItemId { get; set; }
    public int? NoticeId { get; set; }
    public int? BulletinId { get; set; }
    public MessageKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public required string DedupKey { get; set; }
}
