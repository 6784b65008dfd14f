using System.Globalization;
using Duban.Domain.Work;

namespace Duban.Domain.Bulletins;

public enum BulletinKind
{
    /// <summary>周报: Monday to Sunday.</summary>
    Weekly = 0,

    /// <summary>月报: a calendar month.</summary>
    Monthly = 1,
}

public enum BulletinStatus
{
    Draft = 0,
    Issued = 1,
}

/// <summary>
/// A bulletin (通报): the office's weekly or monthly report on the work, composed from the data as a draft,
/// edited, then issued with the next number of its kind and year (〔2026〕第5期). The figures are frozen in
/// <see cref="Figures"/> when composed (and when the office refreshes a draft), so that an issued bulletin
/// keeps saying what it said whatever happens to the items afterwards.
/// </summary>
public sealed class Bulletin : IRegionOwned, IAudited
{
    public const int MaxText = 8000;

    public int Id { get; set; }
    public int RegionId { get; set; }
    public BulletinKind Kind { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public BulletinStatus Status { get; set; }

    /// <summary>The year of the number and its place in the year's sequence; set when issued.</summary>
    public int? Year { get; set; }

    public int? Sequence { get; set; }

    public required string Title { get; set; }

    /// <summary>The issuing office (编发单位), e.g. "青山县委督查室".</summary>
    public required string IssuingOffice { get; set; }

    /// <summary>主送: to whom it goes, e.g. "各乡镇、县直各部门：".</summary>
    public required string Addressee { get; set; }

    /// <summary>The opening paragraph on overall progress; composed from the figures, then the office's words.</summary>
    public required string Summary { get; set; }

    /// <summary>下步工作要求: one requirement a line.</summary>
    public required string Requirements { get; set; }

    /// <summary>抄送 in the record at the end; may be empty.</summary>
    public string? CopyTo { get; set; }

    /// <summary>The figures as composed (JSON), rendered into the document's sections, tables and charts.</summary>
    public required string Figures { get; set; }

    public DateTime ComposedAt { get; set; }
    public required string ComposedByName { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateTime? IssuedAt { get; set; }
    public string? IssuedByName { get; set; }

    public bool IsIssued => Status == BulletinStatus.Issued;

    /// <summary>"〔2026〕第5期" once issued; empty for a draft.</summary>
    public string Number => Sequence is { } n && Year is { } y ? FormatNumber(y, n) : string.Empty;

    public static string FormatNumber(int year, int sequence) => string.Create(CultureInfo.InvariantCulture, $"〔{year}〕第{sequence}期");

    /// <summary>The office's words may change only while it is a draft.</summary>
    public Refusal? Edit(string title, string issuingOffice, string addressee, string summary, string requirements, string? copyTo)
    {
        if (IsIssued)
        {
            return Refusal.AlreadyIssued;
        }

        Title = title;
        IssuingOffice = issuingOffice;
        Addressee = addressee;
        Summary = summary;
        Requirements = requirements;
        CopyTo = copyTo;
        return null;
    }

    /// <summary>New figures for a draft (the data changed since it was composed).</summary>
    public Refusal? Recompose(string figures, string summary, DateTime utcNow, string by)
    {
        if (IsIssued)
        {
            return Refusal.AlreadyIssued;
        }

        Figures = figures;
        Summary = summary;
        ComposedAt = utcNow;
        ComposedByName = by;
        return null;
    }

    /// <summary>Issues the draft as number <paramref name="sequence"/> of <paramref name="year"/>, dated <paramref name="on"/>.</summary>
    public Refusal? Issue(int year, int sequence, DateOnly on, DateTime utcNow, string by)
    {
        if (IsIssued)
        {
            return Refusal.AlreadyIssued;
        }

        if (string.IsNullOrWhiteSpace(Title) || string.IsNullOrWhiteSpace(Summary))
        {
            return Refusal.StatementRequired;
        }

        Status = BulletinStatus.Issued;
        Year = year;
        Sequence = sequence;
        IssuedOn = on;
        IssuedAt = utcNow;
        IssuedByName = by;
        return null;
    }
}

/// <summary>The period a bulletin covers, and when its draft is due.</summary>
public static class BulletinPeriod
{
    /// <summary>The week (Monday to Sunday) or the month that holds <paramref name="day"/>.</summary>
    public static (DateOnly Start, DateOnly End) Of(BulletinKind kind, DateOnly day) => kind switch
    {
        BulletinKind.Weekly => (day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), day.AddDays(-(((int)day.DayOfWeek + 6) % 7) + 6)),
        BulletinKind.Monthly => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>ISO 8601 week number of the week that starts on <paramref name="monday"/>, with its year.</summary>
    public static (int Year, int Week) IsoWeek(DateOnly monday)
    {
        var thursday = monday.AddDays(3).ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(thursday), ISOWeek.GetWeekOfYear(thursday));
    }

    /// <summary>
    /// When the draft for the period holding <paramref name="day"/> falls due, in the region's local time: a
    /// week's on its <paramref name="weekday"/> at <paramref name="hour"/>; a month's on its last day at that hour.
    /// </summary>
    public static DateTime DraftDue(BulletinKind kind, DateOnly day, DayOfWeek weekday, int hour)
    {
        var (start, end) = Of(kind, day);
        var date = kind == BulletinKind.Weekly ? start.AddDays(((int)weekday + 6) % 7) : end;
        return date.ToDateTime(new TimeOnly(Math.Clamp(hour, 0, 23), 0));
    }

    /// <summary>"2026年第48周（11月23日至11月29日）" or "2026年11月".</summary>
    public static string Describe(BulletinKind kind, DateOnly start, DateOnly end)
    {
        if (kind == BulletinKind.Monthly)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{start.Year}年{start.Month}月");
        }

        var (year, week) = IsoWeek(start);
        return string.Create(CultureInfo.InvariantCulture, $"{year}年第{week}周（{start.Month}月{start.Day}日至{end.Month}月{end.Day}日）");
    }

    /// <summary>A date as official documents write it: 2026年11月27日.</summary>
    public static string ChineseDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
