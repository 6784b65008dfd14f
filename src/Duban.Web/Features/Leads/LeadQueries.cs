using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Leads;

/// <summary>A list's query; its bounds are refused by the API and clamped for pages.</summary>
public sealed record LeadFilter
{
    /// <summary>Following unit, with everything below it.</summary>
    [Range(1, int.MaxValue)]
    public int? UnitId { get; init; }

    public LeadStage? Stage { get; init; }
    public Light? Light { get; init; }

    [Range(1, int.MaxValue)]
    public int? LeaderId { get; init; }

    [MaxLength(100)]
    public string? Industry { get; init; }

    /// <summary>Open leads only (not landed, not terminated) unless false.</summary>
    public bool? Open { get; init; }

    [MaxLength(100)]
    public string? Q { get; init; }

    [Range(1, Infrastructure.InputBounds.MaxPage)]
    public int? Page { get; init; }

    [Range(1, TaskQueries.MaxPageSize)]
    public int? PageSize { get; init; }
}

/// <summary>One lead as its list shows it. Amounts in 万元.</summary>
public sealed record LeadRow(
    int Id, string Name, string Investor, string? InvestorOrigin, string? Industry, LeadSource Source, string? SourceText, decimal? PlannedInvestment,
    int UnitId, string? Unit, string? Leader, LeadStage Stage, DateOnly StageSince, DateOnly? LastContactOn, DateOnly? NextStepDue, string? NextStep,
    Light Light, LightReason LightReason, DateOnly? LightReasonDate, int? LightReasonNumber);

public sealed record LeadPage(IReadOnlyList<LeadRow> Rows, int Total, int Page, int PageSize);

public sealed record ContactRow(int Id, DateOnly On, LeadContactKind Kind, string People, string Agreed, string? NextStep, DateOnly? NextStepDue, string? RecordedBy, DateTime RecordedAt);

public sealed record StageStay(LeadStage Stage, DateOnly On, DateOnly? Left, int Days);

public sealed record LeadDetailDto(
    LeadRow Lead, int? LeaderId, int? LiaisonId, string? Liaison, string? Content, int? IndustryNodeId, DateOnly RegisteredOn, DateOnly? FirstContactOn,
    DateOnly? SignedOn, decimal? SignedAmount, DateOnly? RegisteredCompanyOn, DateOnly? LandedOn, DateOnly? TerminatedOn, string? TerminationReason,
    int? ProjectId, string? Project, IReadOnlyList<ContactRow> Contacts, IReadOnlyList<StageStay> Stages);

/// <summary>Where a key project came from, for its page: the lead it landed from, when the reader may see that lead.</summary>
public sealed record ProjectOrigin(int LeadId, string Investor, DateOnly FirstOn, DateOnly? SignedOn, DateOnly? LandedOn, int Contacts, bool CanOpen);

/// <summary>Counts by a name (an industry, a unit, a leader) and stage: no lead is named.</summary>
public sealed record PipelineGroup(int? Id, string Name, int Total, int Open, int SignedNotLanded, int Landed, int Terminated, decimal PlannedInvestment, int Red, int Yellow);

public sealed record PipelineBoard(
    int Total, int Open, IReadOnlyList<StageFigure> Stages, int Terminated, double? SigningRate, double? LandingRate,
    int Year, int NewThisYear, int SignedThisYear, decimal SignedAmountThisYear, int LandedThisYear,
    int Red, int Yellow, int Stale, int SignedNotLanded,
    IReadOnlyList<PipelineGroup> ByIndustry, IReadOnlyList<PipelineGroup> ByUnit, IReadOnlyList<PipelineGroup> ByLeader,
    IReadOnlyList<LeadRow> Lagging);

/// <summary>
/// Reads of leads. Lists and pages go through the visibility filter, which hides a lead from those it is not
/// named to (<see cref="WorkScope.LeadsNamedTo"/>); the pipeline board counts the whole region's leads for
/// anyone who reads, and names only the lagging leads the reader may see.
/// </summary>
public static class LeadQueries
{
    public static IQueryable<WorkItem> Visible(DubanDb db, AccessScope scope) =>
        db.WorkItems.AsNoTracking().VisibleTo(db, scope, w => w.Kind == WorkItemKind.Lead);

    public static async Task<LeadPage> ListAsync(DubanDb db, AccessScope scope, LeadFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var items = db.WorkItems.AsNoTracking().ListedFor(db, scope, w => w.Kind == WorkItemKind.Lead);
        if (filter.UnitId is { } unitId)
        {
            var path = await db.Units.Where(u => u.Id == unitId && u.RegionId == scope.RegionId).Select(u => u.Path).FirstOrDefaultAsync(ct) ?? "/none/";
            items = items.LedWithin(path);
        }

        if (filter.Light is { } light)
        {
            items = items.Where(w => w.Light == light);
        }

        if (filter.LeaderId is { } leader)
        {
            items = items.Where(w => w.LeaderId == leader);
        }

        if (filter.Open != false && filter.Stage is null)
        {
            items = items.Where(w => w.Status != WorkItemStatus.Closed);
        }

        var leads = db.Leads.AsNoTracking().Where(x => x.RegionId == scope.RegionId);
        if (filter.Stage is { } stage)
        {
            leads = leads.Where(x => x.Stage == stage);
        }

        if (!string.IsNullOrWhiteSpace(filter.Industry))
        {
            var industry = filter.Industry.Trim();
            leads = leads.Where(x => x.Industry == industry);
        }

        var joined = items.Join(leads, w => w.Id, x => x.WorkItemId, (w, x) => new { w, x });
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            joined = joined.Where(j => j.w.Name.Contains(q) || j.x.Investor.Contains(q));
        }

        var size = Math.Clamp(filter.PageSize ?? 50, 1, TaskQueries.MaxPageSize);
        var page = Infrastructure.InputBounds.Page(filter.Page);
        var total = await joined.CountAsync(ct);
        var rows = await Rows(db, joined.OrderByDescending(j => j.w.Light == Light.Red).ThenByDescending(j => j.w.Light == Light.Yellow).ThenByDescending(j => j.w.Id).Select(j => j.w).Skip((page - 1) * size).Take(size), ct);
        return new LeadPage(rows, total, page, size);
    }

    /// <summary>The rows for some items (already visible to the reader), in their order.</summary>
    private static async Task<List<LeadRow>> Rows(DubanDb db, IQueryable<WorkItem> items, CancellationToken ct)
    {
        var rows = await items.Join(db.Leads.AsNoTracking(), w => w.Id, x => x.WorkItemId, (w, x) => new { w, x })
            .Select(j => new LeadRow(
                j.w.Id, j.w.Name, j.x.Investor, j.x.InvestorOrigin, j.x.Industry, j.x.Source, j.x.SourceText, j.x.PlannedInvestment,
                j.w.LeadUnitId, db.Units.Where(u => u.Id == j.w.LeadUnitId).Select(u => u.Name).FirstOrDefault(),
                db.People.Where(p => p.Id == j.w.LeaderId).Select(p => p.Name).FirstOrDefault(),
                j.x.Stage, j.x.StageSince, j.x.LastContactOn, j.x.NextStepDue, j.x.NextStep,
                j.w.Light, j.w.LightReason, j.w.LightReasonDate, j.w.LightReasonNumber))
            .ToListAsync(ct);
        return rows;
    }

    public static async Task<LeadDetailDto?> DetailAsync(DubanDb db, AccessScope scope, int id, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var visible = Visible(db, scope).Where(w => w.Id == id);
        var row = (await Rows(db, visible, ct)).FirstOrDefault();
        if (row is null)
        {
            return null;
        }

        var item = await db.WorkItems.AsNoTracking().FirstAsync(w => w.Id == id, ct);
        var lead = await db.Leads.AsNoTracking().FirstAsync(x => x.WorkItemId == id, ct);
        var contacts = await db.LeadContacts.AsNoTracking().Where(c => c.LeadId == lead.Id).OrderByDescending(c => c.On).ThenByDescending(c => c.Id).Take(200)
            .Select(c => new ContactRow(c.Id, c.On, c.Kind, c.People, c.Agreed, c.NextStep, c.NextStepDue, db.People.Where(p => p.Id == c.RecordedById).Select(p => p.Name).FirstOrDefault(), c.RecordedAt))
            .ToListAsync(ct);
        var stays = (await db.LeadStageChanges.AsNoTracking().Where(c => c.LeadId == lead.Id).OrderBy(c => c.Id).ToListAsync(ct))
            .Select(c => new StageStay(c.Stage, DateOnly.FromDayNumber(c.OnDay), c.LeftDay is { } left ? DateOnly.FromDayNumber(left) : null, Math.Max(0, (c.LeftDay ?? today.DayNumber) - c.OnDay)))
            .ToList();
        var liaison = item.LiaisonId is { } lid ? await db.People.Where(p => p.Id == lid).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        var project = lead.ProjectWorkItemId is { } pid ? await db.WorkItems.Where(w => w.Id == pid).Select(w => w.Name).FirstOrDefaultAsync(ct) : null;
        return new LeadDetailDto(row, item.LeaderId, item.LiaisonId, liaison, item.Content, lead.IndustryNodeId, item.StartDate, lead.FirstContactOn,
            lead.SignedOn, lead.SignedAmount, lead.RegisteredOn, lead.LandedOn, lead.TerminatedOn, lead.TerminationReason,
            lead.ProjectWorkItemId, project, contacts, stays);
    }

    /// <summary>The lead a project landed from; its investor and dates are the project's now, its contact log stays with the lead.</summary>
    public static async Task<ProjectOrigin?> OriginOfAsync(DubanDb db, AccessScope scope, int projectId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lead = await db.Leads.AsNoTracking().Where(x => x.ProjectWorkItemId == projectId && x.RegionId == scope.RegionId)
            .Select(x => new { x.Id, x.WorkItemId, x.Investor, x.SignedOn, x.LandedOn, x.FirstContactOn }).FirstOrDefaultAsync(ct);
        if (lead is null)
        {
            return null;
        }

        var registered = await db.WorkItems.Where(w => w.Id == lead.WorkItemId).Select(w => w.StartDate).FirstAsync(ct);
        var contacts = await db.LeadContacts.CountAsync(c => c.LeadId == lead.Id, ct);
        var canOpen = await Visible(db, scope).AnyAsync(w => w.Id == lead.WorkItemId, ct);
        return new ProjectOrigin(lead.WorkItemId, lead.Investor, lead.FirstContactOn is { } first && first < registered ? first : registered, lead.SignedOn, lead.LandedOn, contacts, canOpen);
    }

    /// <summary>
    /// The pipeline of the region (or of a unit's subtree): the funnel, rates and time in stage from
    /// <see cref="LeadFigures"/> over counts the database makes, this year's signings and landings, lights,
    /// and counts by industry, unit and leader. Counts name no lead; the lagging list holds only leads the
    /// reader may see.
    /// </summary>
    public static async Task<PipelineBoard> BoardAsync(DubanDb db, AccessScope scope, int year, DateOnly today, int? unitId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var region = scope.RegionId;
        var items = db.WorkItems.AsNoTracking().Where(w => w.RegionId == region && w.Kind == WorkItemKind.Lead);
        if (unitId is { } u)
        {
            var path = await db.Units.Where(x => x.Id == u && x.RegionId == region).Select(x => x.Path).FirstOrDefaultAsync(ct) ?? "/none/";
            items = items.LedWithin(path);
        }

        var leads = items.Join(db.Leads.AsNoTracking(), w => w.Id, x => x.WorkItemId, (w, x) => new
        {
            x.Id,
            x.Stage,
            x.HighestStage,
            x.Industry,
            x.PlannedInvestment,
            x.SignedOn,
            x.SignedAmount,
            x.LandedOn,
            w.LeadUnitId,
            w.LeaderId,
            w.Light,
            w.LightReason,
            w.StartDay,
        });

        // One read of the small facts of every lead, grouped here: the groups share it, and 50,000 leads are ~2 MB.
        var all = await leads.ToListAsync(ct);
        var dayToday = today.DayNumber;
        // Time in stage: every stay's days summed by the database, of the region's leads or of the unit's.
        var changes = db.LeadStageChanges.AsNoTracking().Where(c => c.RegionId == region);
        if (unitId is not null)
        {
            changes = changes.Where(c => items.Join(db.Leads, w => w.Id, x => x.WorkItemId, (w, x) => x.Id).Contains(c.LeadId));
        }

        var stays = await changes.GroupBy(c => c.Stage)
            .Select(g => new { Stage = g.Key, Days = g.Sum(c => (long)((c.LeftDay ?? dayToday) - c.OnDay)), Stays = g.Count() })
            .ToListAsync(ct);
        var counts = Enum.GetValues<LeadStage>().Select(s => new StageCount(
            s,
            all.Count(a => a.Stage == s),
            all.Count(a => a.HighestStage == s),
            stays.Where(x => x.Stage == s).Sum(x => x.Days),
            stays.Where(x => x.Stage == s).Sum(x => x.Stays))).ToList();

        var unitNames = await db.Units.AsNoTracking().Where(x => x.RegionId == region).Select(x => new { x.Id, x.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var leaderIds = all.Where(a => a.LeaderId != null).Select(a => a.LeaderId!.Value).Distinct().ToList();
        var leaderNames = await db.People.AsNoTracking().Where(p => leaderIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        static PipelineGroup Of(int? id, string name, IEnumerable<(LeadStage Stage, decimal? Planned, Light Light)> g)
        {
            var list = g.ToList();
            return new PipelineGroup(id, name, list.Count,
                list.Count(x => x.Stage is not (LeadStage.Landed or LeadStage.Terminated)),
                list.Count(x => x.Stage is LeadStage.Signed or LeadStage.Registered),
                list.Count(x => x.Stage == LeadStage.Landed),
                list.Count(x => x.Stage == LeadStage.Terminated),
                list.Sum(x => x.Planned ?? 0),
                list.Count(x => x.Light == Light.Red),
                list.Count(x => x.Light == Light.Yellow));
        }

        var byIndustry = all.GroupBy(a => a.Industry ?? string.Empty)
            .Select(g => Of(null, g.Key, g.Select(a => (a.Stage, a.PlannedInvestment, a.Light))))
            .OrderByDescending(g => g.Total).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var byUnit = all.GroupBy(a => a.LeadUnitId)
            .Select(g => Of(g.Key, unitNames.GetValueOrDefault(g.Key) ?? string.Empty, g.Select(a => (a.Stage, a.PlannedInvestment, a.Light))))
            .OrderByDescending(g => g.Total).ThenBy(g => g.Id).ToList();
        var byLeader = all.Where(a => a.LeaderId != null).GroupBy(a => a.LeaderId!.Value)
            .Select(g => Of(g.Key, leaderNames.GetValueOrDefault(g.Key) ?? string.Empty, g.Select(a => (a.Stage, a.PlannedInvestment, a.Light))))
            .OrderByDescending(g => g.Total).ThenBy(g => g.Id).ToList();

        // Red first, then yellow, each longest lit first: two seeks of the leads' light index, not a sort of every lagging lead.
        var visible = Visible(db, scope);
        var lagging = await Rows(db, visible.Where(w => w.Light == Light.Red).OrderBy(w => w.LightSince).ThenBy(w => w.Id).Take(10), ct);
        if (lagging.Count < 10)
        {
            lagging.AddRange(await Rows(db, visible.Where(w => w.Light == Light.Yellow).OrderBy(w => w.LightSince).ThenBy(w => w.Id).Take(10 - lagging.Count), ct));
        }

        return new PipelineBoard(
            all.Count, all.Count(a => a.Stage is not (LeadStage.Landed or LeadStage.Terminated)), LeadFigures.Stages(counts), all.Count(a => a.Stage == LeadStage.Terminated),
            LeadFigures.SigningRate(counts), LeadFigures.LandingRate(counts),
            year, all.Count(a => DateOnly.FromDayNumber(a.StartDay).Year == year), all.Count(a => a.SignedOn?.Year == year), all.Where(a => a.SignedOn?.Year == year).Sum(a => a.SignedAmount ?? 0), all.Count(a => a.LandedOn?.Year == year),
            all.Count(a => a.Light == Light.Red), all.Count(a => a.Light == Light.Yellow),
            all.Count(a => a.LightReason is LightReason.LeadStale or LightReason.LeadStaleLong),
            all.Count(a => a.Stage is LeadStage.Signed or LeadStage.Registered),
            byIndustry, byUnit, byLeader, lagging);
    }
}
