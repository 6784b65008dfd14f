using Duban.Data;
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
        var errors = new ValidationErrors();
        Range(errors, nameof(RulesInput.DueSoonDays), input.DueSoonDays, 1, 60, required: true);
        Range(errors, nameof(RulesInput.LagPoints), input.LagPoints, 1, 100, required: true);
        Range(errors, nameof(RulesInput.MissedReportsForYellow), input.MissedReportsForYellow, 1, 12, required: true);
        Range(errors, nameof(RulesInput.RemindDaysBefore), input.RemindDaysBefore, 0, 30, required: true);
        Range(errors, nameof(RulesInput.LetterAfterOverdueDays), input.LetterAfterOverdueDays, 1, 365, required: false);
        Range(errors, nameof(RulesInput.NoticeAfterOverdueDays), input.NoticeAfterOverdueDays, 1, 365, required: false);
        Range(errors, nameof(RulesInput.AnswerWithinWorkdays), input.AnswerWithinWorkdays, 1, 30, required: true);
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

        var lightsBefore = (settings.DueSoonDays, settings.DueSoonInWorkdays, settings.LagPoints, settings.MissedReportsForYellow);
        settings.DueSoonDays = input.DueSoonDays!.Value;
        settings.DueSoonInWorkdays = input.DueSoonInWorkdays;
        settings.LagPoints = input.LagPoints!.Value;
        settings.MissedReportsForYellow = input.MissedReportsForYellow!.Value;
        settings.RemindDaysBefore = input.RemindDaysBefore!.Value;
        settings.LetterAfterOverdueDays = input.LetterAfterOverdueDays;
        settings.NoticeAfterOverdueDays = input.NoticeAfterOverdueDays;
        settings.AnswerWithinWorkdays = input.AnswerWithinWorkdays!.Value;
        await db.SaveChangesAsync(ct);
        if (lightsBefore != (settings.DueSoonDays, settings.DueSoonInWorkdays, settings.LagPoints, settings.MissedReportsForYellow))
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
