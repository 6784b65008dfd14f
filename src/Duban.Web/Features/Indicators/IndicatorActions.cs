using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Indicators;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Indicators;

/// <summary>An indicator of the catalogue as the office enters it.</summary>
public sealed record IndicatorInput
{
    public string? Name { get; init; }
    public string? Measure { get; init; }
    public IndicatorDirection Direction { get; init; }
    public IndicatorKind Kind { get; init; }

    /// <summary>The first month published in a year (2 for 1-2月); 1 when empty.</summary>
    public int? FirstMonth { get; init; }

    public bool PublishesValue { get; init; } = true;
    public int? ParentId { get; init; }
    public int? SourceUnitId { get; init; }
    public int? LeadUnitId { get; init; }
    public int? LeaderId { get; init; }
    public int? SortOrder { get; init; }
}

/// <summary>A year's target for the region (no unit) or for one unit.</summary>
public sealed record TargetInput
{
    public int? Year { get; init; }
    public int? UnitId { get; init; }
    public decimal? Value { get; init; }
    public decimal? Growth { get; init; }
    public int? HalfYearPercent { get; init; }
    public int? ThreeQuartersPercent { get; init; }
}

/// <summary>A figure as the bureau published it, for the region, a unit, or a peer outside the region (by name).</summary>
public sealed record ValueInput
{
    public int? Year { get; init; }
    public int? PeriodTo { get; init; }
    public int? UnitId { get; init; }
    public string? PeerName { get; init; }
    public decimal? Value { get; init; }
    public decimal? Yoy { get; init; }
    public int? Rank { get; init; }
    public Revision Revision { get; init; }
}

/// <summary>The office keeps the catalogue, sets targets and records figures; each change is audited and relights the indicator's items.</summary>
public sealed class IndicatorActions(DubanDb db, WorkContext work, IndicatorWork indicators, IStringLocalizer<SharedResource> l)
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public async Task<Outcome<Indicator>> SaveAsync(int? id, IndicatorInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.EditWork);
        var indicator = id is null ? null : await db.Indicators.FirstOrDefaultAsync(i => i.Id == id && i.RegionId == scope.RegionId, ct);
        if (id is not null && indicator is null)
        {
            return Outcome<Indicator>.NotFound();
        }

        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(nameof(IndicatorInput.Name), l["Validation.Required"]);
        }
        else if (name.Length > 100)
        {
            errors.Add(nameof(IndicatorInput.Name), l["Validation.MaxLength", 100]);
        }
        else if (await db.Indicators.AnyAsync(i => i.RegionId == scope.RegionId && i.Name == name && i.Id != (id ?? 0), ct))
        {
            errors.Add(nameof(IndicatorInput.Name), l["Indicators.NameTaken"]);
        }

        var measure = string.IsNullOrWhiteSpace(input.Measure) ? null : input.Measure.Trim();
        if (measure?.Length > 20)
        {
            errors.Add(nameof(IndicatorInput.Measure), l["Validation.MaxLength", 20]);
        }

        if (!Enum.IsDefined(input.Direction) || !Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(IndicatorInput.Kind), l["Validation.Invalid"]);
        }

        if (input.FirstMonth is < 1 or > 3)
        {
            errors.Add(nameof(IndicatorInput.FirstMonth), l["Validation.Range", 1, 3]);
        }

        if (input.ParentId is { } parent && (parent == id || !await db.Indicators.AnyAsync(i => i.Id == parent && i.RegionId == scope.RegionId && i.ParentId == null, ct)))
        {
            errors.Add(nameof(IndicatorInput.ParentId), l["Indicators.ParentInvalid"]);
        }

        var lead = input.LeadUnitId is { } leadId ? await db.Units.FirstOrDefaultAsync(u => u.Id == leadId && u.RegionId == scope.RegionId && u.IsActive, ct) : null;
        if (input.LeadUnitId is null)
        {
            errors.Add(nameof(IndicatorInput.LeadUnitId), l["Validation.Required"]);
        }
        else if (lead is null)
        {
            errors.Add(nameof(IndicatorInput.LeadUnitId), l["Units.NotFound"]);
        }

        if (input.SourceUnitId is { } source && !await db.Units.AnyAsync(u => u.Id == source && u.RegionId == scope.RegionId, ct))
        {
            errors.Add(nameof(IndicatorInput.SourceUnitId), l["Units.NotFound"]);
        }

        if (input.LeaderId is { } leader && !await db.People.AnyAsync(p => p.Id == leader && p.RegionId == scope.RegionId, ct))
        {
            errors.Add(nameof(IndicatorInput.LeaderId), l["People.NotFound"]);
        }

        if (input.SortOrder is < 0 or > 10_000)
        {
            errors.Add(nameof(IndicatorInput.SortOrder), l["Validation.Range", 0, 10_000]);
        }

        if (errors.Any)
        {
            return Outcome<Indicator>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        indicator ??= db.Indicators.Add(new Indicator { RegionId = scope.RegionId, Name = name! }).Entity;
        indicator.Name = name!;
        indicator.Measure = measure;
        indicator.Direction = input.Direction;
        indicator.Kind = input.Kind;
        indicator.FirstMonth = input.FirstMonth ?? 1;
        indicator.PublishesValue = input.PublishesValue;
        indicator.ParentId = input.ParentId;
        indicator.SourceUnitId = input.SourceUnitId;
        indicator.LeadUnitId = lead!.Id;
        indicator.LeaderId = input.LeaderId;
        indicator.SortOrder = input.SortOrder ?? indicator.SortOrder;
        await db.SaveChangesAsync(ct);

        // The region's targets follow the indicator's responsibility.
        var regionItems = await db.IndicatorTargets.Where(t => t.IndicatorId == indicator.Id && t.UnitId == null).Select(t => t.WorkItemId).ToListAsync(ct);
        foreach (var item in await db.WorkItems.Where(w => regionItems.Contains(w.Id)).ToListAsync(ct))
        {
            item.Name = indicator.Name;
            item.LeadUnitId = lead.Id;
            item.LeadUnitPath = lead.Path;
            item.LeaderId = indicator.LeaderId;
        }

        var years = await db.IndicatorTargets.Where(t => t.IndicatorId == indicator.Id).Select(t => t.Year).Distinct().ToListAsync(ct);
        foreach (var year in years)
        {
            await indicators.RefreshAsync(scope.RegionId, year, [indicator.Id], ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Indicator>.Ok(indicator);
    }

    /// <summary>Sets (or changes) a year's target for the region or one unit; the target's work item is made with it.</summary>
    public async Task<Outcome<IndicatorTarget>> SetTargetAsync(int indicatorId, TargetInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.EditWork);
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == indicatorId && i.RegionId == scope.RegionId, ct);
        if (indicator is null)
        {
            return Outcome<IndicatorTarget>.NotFound();
        }

        var errors = new ValidationErrors();
        var year = input.Year ?? work.Today.Year;
        if (year is < InputBounds.FirstYear or > InputBounds.LastYear)
        {
            errors.Add(nameof(TargetInput.Year), l["Validation.Range", InputBounds.FirstYear, InputBounds.LastYear]);
        }

        if (input.Value is null && input.Growth is null)
        {
            errors.Add(nameof(TargetInput.Value), l["Indicators.TargetRequired"]);
        }

        if (input.Value is { } v && (v <= 0 || v > MaxAmount))
        {
            errors.Add(nameof(TargetInput.Value), l["Indicators.TargetPositive"]);
        }

        if (input.Growth is < -100 or > 1000)
        {
            errors.Add(nameof(TargetInput.Growth), l["Validation.Range", -100, 1000]);
        }

        if (input.HalfYearPercent is < 0 or > 100 || input.ThreeQuartersPercent is < 0 or > 100
            || (input.HalfYearPercent is { } h && input.ThreeQuartersPercent is { } q && q < h))
        {
            errors.Add(nameof(TargetInput.HalfYearPercent), l["Indicators.NodesOrder"]);
        }

        Unit? unit = null;
        if (input.UnitId is { } unitId)
        {
            unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId && u.RegionId == scope.RegionId && u.IsActive, ct);
            if (unit is null)
            {
                errors.Add(nameof(TargetInput.UnitId), l["Units.NotFound"]);
            }
        }

        if (errors.Any)
        {
            return Outcome<IndicatorTarget>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var target = await indicators.TargetAsync(indicator, year, unit, l["Indicators.LedgerName", year], work.Today, work.UtcNow, ct);
        target.Value = input.Value;
        target.Growth = input.Growth;
        target.HalfYearPercent = input.HalfYearPercent;
        target.ThreeQuartersPercent = input.ThreeQuartersPercent;
        await db.SaveChangesAsync(ct);
        await indicators.RefreshAsync(scope.RegionId, year, [indicator.Id], ct);
        await transaction.CommitAsync(ct);
        return Outcome<IndicatorTarget>.Ok(target);
    }

    /// <summary>Records one figure. A figure of the same period and revision replaces the one stored; a later revision is kept beside the earlier.</summary>
    public async Task<Outcome<IndicatorValue>> RecordAsync(int indicatorId, ValueInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.RecordIndicators);
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == indicatorId && i.RegionId == scope.RegionId, ct);
        if (indicator is null)
        {
            return Outcome<IndicatorValue>.NotFound();
        }

        var errors = new ValidationErrors();
        var year = input.Year ?? work.Today.Year;
        if (year is < InputBounds.FirstYear or > InputBounds.LastYear)
        {
            errors.Add(nameof(ValueInput.Year), l["Validation.Range", InputBounds.FirstYear, InputBounds.LastYear]);
        }

        if (input.PeriodTo is not { } period || !indicator.PeriodsOfYear().Contains(period))
        {
            errors.Add(nameof(ValueInput.PeriodTo), l["Indicators.PeriodInvalid", string.Join("、", indicator.PeriodsOfYear())]);
        }

        if (input.Value is null && input.Yoy is null)
        {
            errors.Add(nameof(ValueInput.Value), l["Indicators.ValueRequired"]);
        }

        if (input.Value is { } v && (v < -MaxAmount || v > MaxAmount))
        {
            errors.Add(nameof(ValueInput.Value), l["Indicators.ValueRange"]);
        }

        if (input.Yoy is < -100 or > 10_000)
        {
            errors.Add(nameof(ValueInput.Yoy), l["Validation.Range", -100, 10_000]);
        }

        if (input.Rank is < 1 or > 10_000)
        {
            errors.Add(nameof(ValueInput.Rank), l["Validation.Range", 1, 10_000]);
        }

        if (!Enum.IsDefined(input.Revision))
        {
            errors.Add(nameof(ValueInput.Revision), l["Validation.Invalid"]);
        }

        var peer = string.IsNullOrWhiteSpace(input.PeerName) ? null : input.PeerName.Trim();
        if (peer is not null && input.UnitId is not null)
        {
            errors.Add(nameof(ValueInput.PeerName), l["Indicators.PeerOrUnit"]);
        }

        if (peer?.Length > 100)
        {
            errors.Add(nameof(ValueInput.PeerName), l["Validation.MaxLength", 100]);
        }

        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.RegionId == scope.RegionId, ct))
        {
            errors.Add(nameof(ValueInput.UnitId), l["Units.NotFound"]);
        }

        if (errors.Any)
        {
            return Outcome<IndicatorValue>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var value = await indicators.StoreAsync(indicator, year, 1, input.PeriodTo!.Value, input.UnitId, peer, input.Value, input.Yoy, input.Rank, input.Revision, work.ActorName, work.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        await indicators.RefreshAsync(scope.RegionId, year, [indicator.Id], ct);
        await transaction.CommitAsync(ct);
        return Outcome<IndicatorValue>.Ok(value);
    }
}
