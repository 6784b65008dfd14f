namespace Duban.Domain.Work;

/// <summary>
/// The urging ladder after the daily reminders: once an item has been overdue for
/// <see cref="LetterAfterDays"/> days it gets a reminder letter (提醒函), after
/// <see cref="NoticeAfterDays"/> days a supervision notice (督办单). Each rung is issued once per overdue
/// spell; a rung left empty is never issued automatically (the office can still issue it by hand).
/// </summary>
public readonly record struct EscalationLadder(int? LetterAfterDays, int? NoticeAfterDays)
{
    /// <summary>
    /// The notice an item overdue for <paramref name="overdueDays"/> is owed now, given what it already got
    /// in this overdue spell; null when it is owed nothing. A notice makes a pending letter moot.
    /// </summary>
    public NoticeKind? Due(int overdueDays, bool letterIssued, bool noticeIssued)
    {
        if (overdueDays <= 0 || noticeIssued)
        {
            return null;
        }

        if (NoticeAfterDays is { } notice && overdueDays >= notice)
        {
            return NoticeKind.SupervisionNotice;
        }

        if (LetterAfterDays is { } letter && overdueDays >= letter && !letterIssued)
        {
            return NoticeKind.ReminderLetter;
        }

        return null;
    }
}
