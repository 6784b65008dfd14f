using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Settings;

/// <summary>The region's rules as the office edits them: light defaults and the urging ladder.</summary>
public sealed record RulesInput
{
    public int? DueSoonDays { get; init; }
    public bool DueSoonInWorkdays { get; init; }
    public int? LagPoints { get; init; }
    public int? MissedReportsForYellow { get; init; }
    public int? RemindDaysBefore { get; init; }
    public int? LetterAfterOverdueDays { get; init; }
    public int? NoticeAfterOverdueDays { get; init; }
    public int? AnswerWithinWorkdays { get; init; }
    public int? StartLateYellowMonths { get; init; }
    public int? StartLateRedMonths { get; init; }
    public int? GapYellowPoints { get; init; }
    public int? GapRedPoints { get; init; }
    public string? TimeCurve { get; init; }

    /// <summary>Indicators: points behind time progress for yellow and red, negative growth red, the bureau's day; left out by older clients, they keep what is stored.</summary>
    public int? IndicatorYellowPoints { get; init; }
    public int? IndicatorRedPoints { get; init; }
    public bool? IndicatorShrinkingRed { get; init; }
    public int? IndicatorDueDay { get; init; }

    /// <summary>Leads: days without contact for yellow and red, months signed and not landed for yellow and red; left out, they keep what is stored.</summary>
    public int? LeadStaleYellowDays { get; init; }
    public int? LeadStaleRedDays { get; init; }
    public int? LeadUnlandedYellowMonths { get; init; }
    public int? LeadUnlandedRedMonths { get; init; }

    /// <summary>The weekly bulletin draft's day and hour; left out by older clients, they keep what is stored.</summary>
    public DayOfWeek? BulletinWeekday { get; init; }

    public int? BulletinHour { get; init; }
    public string? BulletinOffice { get; init; }

    public static RulesInput From(RegionLightSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new()
        {
            DueSoonDays = s.DueSoonDays,
            DueSoonInWorkdays = s.DueSoonInWorkdays,
            LagPoints = s.LagPoints,
            MissedReportsForYellow = s.MissedReportsForYellow,
            RemindDaysBefore = s.RemindDaysBefore,
            LetterAfterOverdueDays = s.LetterAfterOverdueDays,
            NoticeAfterOverdueDays = s.NoticeAfterOverdueDays,
            AnswerWithinWorkdays = s.AnswerWithinWorkdays,
            StartLateYellowMonths = s.StartLateYellowMonths,
            StartLateRedMonths = s.StartLateRedMonths,
            GapYellowPoints = s.GapYellowPoints,
            GapRedPoints = s.GapRedPoints,
            TimeCurve = s.TimeCurve,
            IndicatorYellowPoints = s.IndicatorYellowPoints,
            IndicatorRedPoints = s.IndicatorRedPoints,
            IndicatorShrinkingRed = s.IndicatorShrinkingRed,
            IndicatorDueDay = s.IndicatorDueDay,
            LeadStaleYellowDays = s.LeadStaleYellowDays,
            LeadStaleRedDays = s.LeadStaleRedDays,
            LeadUnlandedYellowMonths = s.LeadUnlandedYellowMonths,
            LeadUnlandedRedMonths = s.LeadUnlandedRedMonths,
            BulletinWeekday = s.BulletinWeekday,
            BulletinHour = s.BulletinHour,
            BulletinOffice = s.BulletinOffice,
        };
    }
}

public sealed class SaveRules(DubanDb db, ScopeAccessor scopes, RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    /// <summary>The stored rules, or the defaults when the region never changed them.</summary>
    public async Task<RegionLightSettings> GetAsync(CancellationToken ct = default)
    {
        var scope = await scopes.GetAsync(ct);
        return await db.RegionLightSettings.AsNoTracking().FirstOrDefaultAsync(s => s.RegionId == scope.RegionId, ct)
            ?? new RegionLightSettings { RegionId = scope.RegionId };
    }

    public async Task<Outcome<RegionLightSettings>> RunAsync(RulesInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await scopes.GetAsync(ct);
        scope.Demand(Permission.ManageRules);
        var errors = new ValidationErrors();
        Range(errors, nameof(RulesInput.DueSoonDays), input.DueSoonDays, 1, 60, required: true);
        Range(errors, nameof(RulesInput.LagPoints), input.LagPoints, 1, 100, required: true);
        Range(errors, nameof(RulesInput.MissedReportsForYellow), input.MissedReportsForYellow, 1, 12, required: true);
        Range(errors, nameof(RulesInput.RemindDaysBefore), input.RemindDaysBefore, 0, 30, required: true);
        Range(errors, nameof(RulesInput.LetterAfterOverdueDays), input.LetterAfterOverdueDays, 1, 365, required: false);
        Range(errors, nameof(RulesInput.NoticeAfterOverdueDays), input.NoticeAfterOverdueDays, 1, 365, required: false);
        Range(errors, nameof(RulesInput.AnswerWithinWorkdays), input.AnswerWithinWorkdays, 1, 30, required: true);
        // Projects' rules may be left out by older clients: they keep their defaults.
        var yellowMonths = input.StartLateYellowMonths ?? 1;
        var redMonths = input.StartLateRedMonths ?? 3;
        var yellowGap = input.GapYellowPoints ?? 10;
        var redGap = input.GapRedPoints ?? 30;
        Range(errors, nameof(RulesInput.StartLateYellowMonths), yellowMonths, 1, 24, required: true);
        Range(errors, nameof(RulesInput.StartLateRedMonths), redMonths, 1, 36, required: true);
        Range(errors, nameof(RulesInput.GapYellowPoints), yellowGap, 1, 100, required: true);
        Range(errors, nameof(RulesInput.GapRedPoints), redGap, 1, 100, required: true);
        if (redMonths <= yellowMonths)
        {
            errors.Add(nameof(RulesInput.StartLateRedMonths), l["Settings.MonthsOrder"]);
        }

        if (redGap < yellowGap)
        {
            errors.Add(nameof(RulesInput.GapRedPoints), l["Settings.GapOrder"]);
        }

        Range(errors, nameof(RulesInput.IndicatorYellowPoints), input.IndicatorYellowPoints, 1, 100, required: false);
        Range(errors, nameof(RulesInput.IndicatorRedPoints), input.IndicatorRedPoints, 1, 100, required: false);
        Range(errors, nameof(RulesInput.IndicatorDueDay), input.IndicatorDueDay, 1, 28, required: false);
        Range(errors, nameof(RulesInput.LeadStaleYellowDays), input.LeadStaleYellowDays, 1, 365, required: false);
        Range(errors, nameof(RulesInput.LeadStaleRedDays), input.LeadStaleRedDays, 1, 730, required: false);
        Range(errors, nameof(RulesInput.LeadUnlandedYellowMonths), input.LeadUnlandedYellowMonths, 1, 36, required: false);
        Range(errors, nameof(RulesInput.LeadUnlandedRedMonths), input.LeadUnlandedRedMonths, 1, 60, required: false);
        if (input.LeadStaleYellowDays is { } sy && input.LeadStaleRedDays is { } sr && sr <= sy)
        {
            errors.Add(nameof(RulesInput.LeadStaleRedDays), l["Settings.LeadOrder"]);
        }

        if (input.LeadUnlandedYellowMonths is { } uy && input.LeadUnlandedRedMonths is { } ur && ur <= uy)
        {
            errors.Add(nameof(RulesInput.LeadUnlandedRedMonths), l["Settings.LeadOrder"]);
        }
        if (input.IndicatorYellowPoints is { } iy && input.IndicatorRedPoints is { } ir && ir <= iy)
        {
            errors.Add(nameof(RulesInput.IndicatorRedPoints), l["Settings.GapOrder"]);
        }

        var curve = string.IsNullOrWhiteSpace(input.TimeCurve) ? null : input.TimeCurve.Trim();
        if (curve is not null && Domain.Projects.Investment.ParseCurve(curve, out var problem) is null)
        {
            errors.Add(nameof(RulesInput.TimeCurve), l["Settings." + problem]);
        }

        Range(errors, nameof(RulesInput.BulletinHour), input.BulletinHour, 0, 23, required: false);
        if (input.BulletinWeekday is { } weekday && !Enum.IsDefined(weekday))
        {
            errors.Add(nameof(RulesInput.BulletinWeekday), l["Validation.Invalid"]);
        }

        var office = string.IsNullOrWhiteSpace(input.BulletinOffice) ? null : input.BulletinOffice.Trim();
        if (office?.Length > 100)
        {
            errors.Add(nameof(RulesInput.BulletinOffice), l["Validation.MaxLength", 100]);
        }

        if (input.LetterAfterOverdueDays is { } letter && input.NoticeAfterOverdueDays is { } notice && letter >= notice)
        {
            errors.Add(nameof(RulesInput.NoticeAfterOverdueDays), l["Settings.LadderOrder"]);
        }

        if (errors.Any)
        {
            return Outcome<RegionLightSettings>.Invalid(errors);
        }

        var settings = await db.RegionLightSettings.FirstOrDefaultAsync(s => s.RegionId == scope.RegionId, ct);
        if (settings is null)
        {
            settings = new RegionLightSettings { RegionId = scope.RegionId };
            db.RegionLightSettings.Add(settings);
        }

        var lightsBefore = (settings.DueSoonDays, settings.DueSoonInWorkdays, settings.LagPoints, settings.MissedReportsForYellow,
            settings.StartLateYellowMonths, settings.StartLateRedMonths, settings.GapYellowPoints, settings.GapRedPoints, settings.TimeCurve,
            settings.IndicatorYellowPoints, settings.IndicatorRedPoints, settings.IndicatorShrinkingRed, settings.IndicatorDueDay,
            settings.LeadStaleYellowDays, settings.LeadStaleRedDays, settings.LeadUnlandedYellowMonths, settings.LeadUnlandedRedMonths);
        settings.DueSoonDays = input.DueSoonDays!.Value;
        settings.DueSoonInWorkdays = input.DueSoonInWorkdays;
        settings.LagPoints = input.LagPoints!.Value;
        settings.MissedReportsForYellow = input.MissedReportsForYellow!.Value;
        settings.RemindDaysBefore = input.RemindDaysBefore!.Value;
        settings.LetterAfterOverdueDays = input.LetterAfterOverdueDays;
        settings.NoticeAfterOverdueDays = input.NoticeAfterOverdueDays;
        settings.AnswerWithinWorkdays = input.AnswerWithinWorkdays!.Value;
        settings.StartLateYellowMonths = yellowMonths;
        settings.StartLateRedMonths = redMonths;
        settings.GapYellowPoints = yellowGap;
        settings.GapRedPoints = redGap;
        settings.TimeCurve = curve;
        settings.IndicatorYellowPoints = input.IndicatorYellowPoints ?? settings.IndicatorYellowPoints;
        settings.IndicatorRedPoints = input.IndicatorRedPoints ?? settings.IndicatorRedPoints;
        settings.IndicatorShrinkingRed = input.IndicatorShrinkingRed ?? settings.IndicatorShrinkingRed;
        settings.IndicatorDueDay = input.IndicatorDueDay ?? settings.IndicatorDueDay;
        settings.LeadStaleYellowDays = input.LeadStaleYellowDays ?? settings.LeadStaleYellowDays;
        settings.LeadStaleRedDays = input.LeadStaleRedDays ?? settings.LeadStaleRedDays;
        settings.LeadUnlandedYellowMonths = input.LeadUnlandedYellowMonths ?? settings.LeadUnlandedYellowMonths;
        settings.LeadUnlandedRedMonths = input.LeadUnlandedRedMonths ?? settings.LeadUnlandedRedMonths;
        settings.BulletinWeekday = input.BulletinWeekday ?? settings.BulletinWeekday;
        settings.BulletinHour = input.BulletinHour ?? settings.BulletinHour;
        if (input.BulletinWeekday is not null || input.BulletinHour is not null || input.BulletinOffice is not null)
        {
            settings.BulletinOffice = office;
        }
        await db.SaveChangesAsync(ct);
        if (lightsBefore != (settings.DueSoonDays, settings.DueSoonInWorkdays, settings.LagPoints, settings.MissedReportsForYellow,
            settings.StartLateYellowMonths, settings.StartLateRedMonths, settings.GapYellowPoints, settings.GapRedPoints, settings.TimeCurve,
            settings.IndicatorYellowPoints, settings.IndicatorRedPoints, settings.IndicatorShrinkingRed, settings.IndicatorDueDay,
            settings.LeadStaleYellowDays, settings.LeadStaleRedDays, settings.LeadUnlandedYellowMonths, settings.LeadUnlandedRedMonths))
        {
            // Every ledger without rules of its own follows at once.
            await lights.RunAsync(scope.RegionId, null, ct);
        }

        return Outcome<RegionLightSettings>.Ok(settings);
    }

    private void Range(ValidationErrors errors, string field, int? value, int min, int max, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, l["Validation.Required"]);
            }
        }
        else if (value < min || value > max)
        {
            errors.Add(field, l["Ledgers.Range", min, max]);
        }
    }
}
