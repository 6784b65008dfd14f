using System.Linq.Expressions;

namespace Duban.Domain.Work;

/// <summary>A region's (or one ledger's) light settings. Defaults are the common practice.</summary>
public sealed record LightSettings
{
    public int DueSoonDays { get; init; } = 7;

    /// <summary>Count <see cref="DueSoonDays"/> in workdays of the region's calendar instead of calendar days.</summary>
    public bool DueSoonInWorkdays { get; init; }

    /// <summary>Yellow when progress lags the share of time gone by this many percentage points or more.</summary>
    public int LagPoints { get; init; } = 20;

    /// <summary>Yellow when this many reports in a row are missing.</summary>
    public int MissedReportsForYellow { get; init; } = 2;

    /// <summary>Projects: yellow this many months after the planned start month passed without a start.</summary>
    public int StartLateYellowMonths { get; init; } = 1;

    /// <summary>Projects: red this many months after the planned start month passed without a start.</summary>
    public int StartLateRedMonths { get; init; } = 3;

    /// <summary>Projects: yellow when investment is this many points or more behind time progress.</summary>
    public int GapYellowPoints { get; init; } = 10;

    /// <summary>Projects: red when investment is more than this many points behind time progress.</summary>
    public int GapRedPoints { get; init; } = 30;

    /// <summary>Projects: the region's time-progress curve (twelve cumulative percentages), or null for months ÷ 12.</summary>
    public IReadOnlyList<int>? TimeCurve { get; init; }

    /// <summary>Indicators: yellow when completion is this many points or more behind time progress.</summary>
    public int IndicatorYellowPoints { get; init; } = 5;

    /// <summary>Indicators: red when completion is this many points or more behind time progress.</summary>
    public int IndicatorRedPoints { get; init; } = 10;

    /// <summary>Indicators: negative growth is red (otherwise it shows only as growth short of its target).</summary>
    public bool IndicatorShrinkingRed { get; init; } = true;

    /// <summary>Indicators: the bureau publishes a month's figures by this day of the next month.</summary>
    public int IndicatorDueDay { get; init; } = 20;

    /// <summary>Leads: yellow after this many days without a contact.</summary>
    public int LeadStaleYellowDays { get; init; } = 30;

    /// <summary>Leads: red after this many days without a contact.</summary>
    public int LeadStaleRedDays { get; init; } = 60;

    /// <summary>Leads: yellow this many months after signing without landing (签而未落).</summary>
    public int LeadUnlandedYellowMonths { get; init; } = 3;

    /// <summary>Leads: red this many months after signing without landing.</summary>
    public int LeadUnlandedRedMonths { get; init; } = 6;

    public static readonly LightSettings Default = new();
}

/// <summary>What the light of one item depends on.</summary>
public sealed record LightFacts(
    WorkItemStatus Status,
    DateOnly StartDate,
    DateOnly? Deadline,
    DateOnly? NextMilestoneDue,
    string? NextMilestoneName,
    int? Percent,
    ReportingCadence Cadence,
    DateTime? NextReportDueAt,
    DateOnly? ExemptUntil,
    int? PlannedStartMonth = null,
    int? InvestmentYear = null,
    int? InvestmentPercent = null,
    int OverdueProblems = 0,
    int? IndicatorGap = null,
    int? IndicatorGrowthShort = null,
    int? IndicatorGrowth = null,
    int? IndicatorNextPeriod = null,
    int? LeadLastContactDay = null,
    DateOnly? LeadNextStepDue = null,
    int? LeadSignedDay = null)
{
    // The names the stored item gives the same facts, so that the rule table reads both.
    public CadenceKind CadenceKind => Cadence.Kind;

    public int StartDay => StartDate.DayNumber;

    public int? DeadlineDay => Deadline?.DayNumber;
}

public sealed record LightResult(Light Light, LightReason Reason, DateOnly? ReasonDate = null, string? ReasonText = null, int? ReasonNumber = null);

/// <summary>
/// The moment a light is computed for: the region's today and local now, and the limits derived from
/// the settings and the calendar. Computed once per recompute, then applied to every item.
/// </summary>
public sealed record LightMoment(DateOnly Today, DateTime LocalNow, DateOnly DueSoonLimit, LightSettings Settings, TimeZoneInfo Zone)
{
    /// <summary>Today's month as a month index (year × 12 + month − 1), to count months late.</summary>
    public int MonthIndex => Projects.Investment.MonthIndex(Today);

    /// <summary>The share of the year's investment plan that should be done by today (序时进度), in points.</summary>
    public int TimeProgress => Projects.Investment.TimeProgress(Today, Settings.TimeCurve);

    /// <summary>Points a project's investment is behind time progress this year; null where it means nothing.</summary>
    public int? InvestmentGap(LightFacts item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.InvestmentYear == Today.Year && item.InvestmentPercent is { } done && TimeProgress > 0 ? TimeProgress - done : null;
    }

    public static LightMoment For(DateTime utcNow, TimeZoneInfo zone, LightSettings settings, WorkdayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        var localNow = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        var today = DateOnly.FromDateTime(localNow);
        var limit = settings.DueSoonInWorkdays ? calendar.AddWorkdays(today, settings.DueSoonDays) : today.AddDays(settings.DueSoonDays);
        return new LightMoment(today, localNow, limit, settings, zone);
    }

    /// <summary>
    /// A report due (UTC) at or before this instant means <see cref="LightSettings.MissedReportsForYellow"/>
    /// reports in a row are missing: the first due point passed, and then that many minus one more periods.
    /// </summary>
    public DateTime MissedThreshold(CadenceKind cadence)
    {
        var back = Math.Max(0, Settings.MissedReportsForYellow - 1);
        var local = cadence switch
        {
            CadenceKind.Weekly => LocalNow.AddDays(-7 * back),
            CadenceKind.Biweekly => LocalNow.AddDays(-14 * back),
            CadenceKind.Monthly => LocalNow.AddMonths(-back),
            CadenceKind.Quarterly => LocalNow.AddMonths(-3 * back),
            _ => DateTime.MinValue,
        };
        return local == DateTime.MinValue ? DateTime.MinValue : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
    }
}

/// <summary>
/// What the rules compare an item with at one moment: today, the due-soon limit and the settings' thresholds,
/// each a plain value so that the database receives it as a parameter.
/// </summary>
public sealed record LightInputs(
    DateOnly Today,
    int TodayDay,
    DateOnly DueSoonLimit,
    int LagPoints,
    int MissedReports,
    DateTime MissedWeekly,
    DateTime MissedBiweekly,
    DateTime MissedMonthly,
    DateTime MissedQuarterly,
    int MonthIndex,
    int Year,
    int TimeProgress,
    int StartLateYellowMonths,
    int StartLateRedMonths,
    int GapYellowPoints,
    int GapRedPoints,
    int IndicatorYellowTenths,
    int IndicatorRedTenths,
    bool IndicatorShrinkingRed,
    int IndicatorPublishedThrough,
    int LeadStaleYellowDays,
    int LeadStaleRedDays,
    int LeadUnlandedYellowDay,
    int LeadUnlandedRedDay)
{
    public static LightInputs At(LightMoment at)
    {
        ArgumentNullException.ThrowIfNull(at);
        var s = at.Settings;
        return new(at.Today, at.Today.DayNumber, at.DueSoonLimit, s.LagPoints, s.MissedReportsForYellow,
            at.MissedThreshold(CadenceKind.Weekly), at.MissedThreshold(CadenceKind.Biweekly), at.MissedThreshold(CadenceKind.Monthly), at.MissedThreshold(CadenceKind.Quarterly),
            at.MonthIndex, at.Today.Year, at.TimeProgress, s.StartLateYellowMonths, s.StartLateRedMonths, s.GapYellowPoints, s.GapRedPoints,
            s.IndicatorYellowPoints * 10, s.IndicatorRedPoints * 10, s.IndicatorShrinkingRed, Indicators.IndicatorFigures.PublishedThrough(at.Today, s.IndicatorDueDay),
            s.LeadStaleYellowDays, s.LeadStaleRedDays, at.Today.AddMonths(-s.LeadUnlandedYellowMonths).DayNumber, at.Today.AddMonths(-s.LeadUnlandedRedMonths).DayNumber);
    }
}

/// <summary>
/// One step of the light ladder: when its condition holds (and no earlier step's did), the item has this
/// reason and colour, and reports this date, text and number with it. Conditions and values are expressions
/// over the item's facts and the moment's inputs, so that the same step runs in memory and as SQL.
/// </summary>
public sealed record LightStep(
    LightReason Reason,
    Light Light,
    Expression<Func<LightFacts, LightInputs, bool>> When,
    Expression<Func<LightFacts, LightInputs, DateOnly?>>? Date = null,
    Expression<Func<LightFacts, LightInputs, string?>>? Text = null,
    Expression<Func<LightFacts, LightInputs, int?>>? Number = null);

/// <summary>
/// The light rules, written once, in order: done when closed; grey when paused or not started; green while
/// exempted; red when a milestone or the deadline has passed undone, when a project is long past its planned
/// start or far behind on investment; yellow when one is due soon, when a project is past its planned start,
/// behind on investment or has an overdue problem, when progress lags the share of time gone, or when reports
/// are missing; green otherwise. <see cref="Evaluate"/> runs the table in memory; the database recompute builds
/// its set-based SQL from the same table (see docs/decisions/0020-light-rules-as-one-table.md). Every reason
/// has exactly one step and its own colour: a reason left out stops the app at start-up, never turns green.
/// </summary>
public static class LightRules
{
    public static readonly IReadOnlyList<LightStep> Steps =
    [
        new(LightReason.Closed, Light.Done, (f, p) => f.Status == WorkItemStatus.Closed),
        new(LightReason.Paused, Light.Grey, (f, p) => f.Status == WorkItemStatus.Paused),
        new(LightReason.NotStarted, Light.Grey, (f, p) => f.Status == WorkItemStatus.NotStarted || f.StartDate > p.Today, Date: (f, p) => f.StartDate),
        new(LightReason.Exempted, Light.Green, (f, p) => f.ExemptUntil >= p.Today, Date: (f, p) => f.ExemptUntil),
        new(LightReason.MilestoneOverdue, Light.Red, (f, p) => f.NextMilestoneDue < p.Today, Date: (f, p) => f.NextMilestoneDue, Text: (f, p) => f.NextMilestoneName),
        new(LightReason.DeadlineOverdue, Light.Red, (f, p) => f.Deadline < p.Today, Date: (f, p) => f.Deadline),
        new(LightReason.StartOverdueLong, Light.Red, (f, p) => p.MonthIndex - f.PlannedStartMonth >= p.StartLateRedMonths, Number: (f, p) => p.MonthIndex - f.PlannedStartMonth),
        new(LightReason.InvestmentFarBehind, Light.Red,
            (f, p) => p.TimeProgress > 0 && f.InvestmentYear == p.Year && p.TimeProgress - f.InvestmentPercent > p.GapRedPoints,
            Number: (f, p) => p.TimeProgress - f.InvestmentPercent),
        // Indicators: the gap and growth facts are tenths of a point; the number shown is whole points.
        new(LightReason.IndicatorFarBehind, Light.Red, (f, p) => f.IndicatorGap >= p.IndicatorRedTenths, Number: (f, p) => (f.IndicatorGap + 5) / 10),
        new(LightReason.IndicatorShrinking, Light.Red, (f, p) => p.IndicatorShrinkingRed && f.IndicatorGrowth < 0),
        // Leads: days since the latest contact; signed on or before the day that many months ago, not landed.
        new(LightReason.LeadStaleLong, Light.Red, (f, p) => p.TodayDay - f.LeadLastContactDay >= p.LeadStaleRedDays, Number: (f, p) => p.TodayDay - f.LeadLastContactDay),
        new(LightReason.LeadUnlandedLong, Light.Red, (f, p) => f.LeadSignedDay <= p.LeadUnlandedRedDay, Number: (f, p) => p.TodayDay - f.LeadSignedDay),
        new(LightReason.MilestoneDueSoon, Light.Yellow, (f, p) => f.NextMilestoneDue <= p.DueSoonLimit, Date: (f, p) => f.NextMilestoneDue, Text: (f, p) => f.NextMilestoneName),
        new(LightReason.DeadlineDueSoon, Light.Yellow, (f, p) => f.Deadline <= p.DueSoonLimit, Date: (f, p) => f.Deadline),
        new(LightReason.StartOverdue, Light.Yellow, (f, p) => p.MonthIndex - f.PlannedStartMonth >= p.StartLateYellowMonths, Number: (f, p) => p.MonthIndex - f.PlannedStartMonth),
        new(LightReason.InvestmentBehind, Light.Yellow,
            (f, p) => p.TimeProgress > 0 && f.InvestmentYear == p.Year && p.TimeProgress - f.InvestmentPercent >= p.GapYellowPoints,
            Number: (f, p) => p.TimeProgress - f.InvestmentPercent),
        new(LightReason.LeadStale, Light.Yellow, (f, p) => p.TodayDay - f.LeadLastContactDay >= p.LeadStaleYellowDays, Number: (f, p) => p.TodayDay - f.LeadLastContactDay),
        new(LightReason.LeadNextStepOverdue, Light.Yellow, (f, p) => f.LeadNextStepDue < p.Today, Date: (f, p) => f.LeadNextStepDue),
        new(LightReason.LeadUnlanded, Light.Yellow, (f, p) => f.LeadSignedDay <= p.LeadUnlandedYellowDay, Number: (f, p) => p.TodayDay - f.LeadSignedDay),
        new(LightReason.ProblemOverdue, Light.Yellow, (f, p) => f.OverdueProblems > 0, Number: (f, p) => f.OverdueProblems),
        new(LightReason.IndicatorBehind, Light.Yellow, (f, p) => f.IndicatorGap >= p.IndicatorYellowTenths, Number: (f, p) => (f.IndicatorGap + 5) / 10),
        new(LightReason.IndicatorGrowthShort, Light.Yellow, (f, p) => f.IndicatorGrowthShort > 0),
        // No figure for a period the bureau should have published by now; the number is how many periods.
        new(LightReason.IndicatorNoValue, Light.Yellow, (f, p) => f.IndicatorNextPeriod <= p.IndicatorPublishedThrough, Number: (f, p) => p.IndicatorPublishedThrough - f.IndicatorNextPeriod + 1),
        // Behind the share of time gone (时序进度) by the lag points or more; the number is that share.
        new(LightReason.Lagging, Light.Yellow,
            (f, p) => f.Percent != null && f.DeadlineDay != null && f.DeadlineDay > f.StartDay
                && ((p.TodayDay - f.StartDay) * 100 / (f.DeadlineDay.Value - f.StartDay)) - f.Percent.Value >= p.LagPoints,
            Number: (f, p) => (p.TodayDay - f.StartDay) * 100 / (f.DeadlineDay!.Value - f.StartDay)),
        new(LightReason.ReportsMissing, Light.Yellow,
            (f, p) => (f.CadenceKind == CadenceKind.Weekly && f.NextReportDueAt <= p.MissedWeekly)
                || (f.CadenceKind == CadenceKind.Biweekly && f.NextReportDueAt <= p.MissedBiweekly)
                || (f.CadenceKind == CadenceKind.Monthly && f.NextReportDueAt <= p.MissedMonthly)
                || (f.CadenceKind == CadenceKind.Quarterly && f.NextReportDueAt <= p.MissedQuarterly),
            Number: (f, p) => p.MissedReports),
        new(LightReason.OnTrack, Light.Green, (f, p) => true),
    ];

    private static readonly Compiled[] CompiledSteps = Check(Steps).Select(Compiled.Of).ToArray();

    /// <summary>The colour of each reason, as the table gives it.</summary>
    public static Light LightOf(LightReason reason) => Steps.First(s => s.Reason == reason).Light;

    public static LightResult Evaluate(LightFacts item, LightMoment at)
    {
        ArgumentNullException.ThrowIfNull(item);
        var inputs = LightInputs.At(at);
        foreach (var step in CompiledSteps)
        {
            if (step.When(item, inputs))
            {
                return new(step.Light, step.Reason, step.Date?.Invoke(item, inputs), step.Text?.Invoke(item, inputs), step.Number?.Invoke(item, inputs));
            }
        }

        throw new InvalidOperationException("The last light step holds always.");
    }

    /// <summary>The percent a steady pace would have reached today (时序进度), or null where it means nothing.</summary>
    public static int? Lag(LightFacts item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Percent is null || item.Deadline is not { } deadline || deadline <= item.StartDate)
        {
            return null;
        }

        var span = deadline.DayNumber - item.StartDate.DayNumber;
        var gone = today.DayNumber - item.StartDate.DayNumber;
        return gone * 100 / span;
    }

    /// <summary>
    /// Refuses a table that would light an item by accident: every reason exactly once, and a last step that
    /// always holds, so that no item falls through to a colour nobody chose.
    /// </summary>
    public static IReadOnlyList<LightStep> Check(IReadOnlyList<LightStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var missing = Enum.GetValues<LightReason>().Where(r => steps.Count(s => s.Reason == r) != 1).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("Each light reason needs exactly one step in the light rule table: " + string.Join(", ", missing));
        }

        if (steps.Count == 0 || steps[^1].When.Body is not ConstantExpression { Value: true })
        {
            throw new InvalidOperationException("The light rule table must end in a step that always holds.");
        }

        return steps;
    }

    private sealed record Compiled(
        LightReason Reason,
        Light Light,
        Func<LightFacts, LightInputs, bool> When,
        Func<LightFacts, LightInputs, DateOnly?>? Date,
        Func<LightFacts, LightInputs, string?>? Text,
        Func<LightFacts, LightInputs, int?>? Number)
    {
        public static Compiled Of(LightStep s) => new(s.Reason, s.Light, s.When.Compile(), s.Date?.Compile(), s.Text?.Compile(), s.Number?.Compile());
    }
}
