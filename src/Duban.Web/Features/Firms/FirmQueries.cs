using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Firms;

/// <summary>The register's query; its bounds are refused by the API and clamped for pages.</summary>
public sealed record FirmFilter
{
    /// <summary>Part of the name or the credit code.</summary>
    [MaxLength(100)]
    public string? Q { get; init; }

    /// <summary>Key firms (重点企业) only.</summary>
    public bool? Key { get; init; }

    [Range(1, int.MaxValue)]
    public int? TownId { get; init; }

    [Range(1, Infrastructure.InputBounds.MaxPage)]
    public int? Page { get; init; }

    [Range(1, TaskQueries.MaxPageSize)]
    public int? PageSize { get; init; }
}

public sealed record FirmRow(int Id, string Name, string? CreditCode, string? Industry, string? Town, bool IsKey, string? Steward, int OpenNeeds, int Needs);

public sealed record FirmPage(IReadOnlyList<FirmRow> Rows, int Total, int Page, int PageSize);

/// <summary>One need as a firm's page and the need's own page list it (only the needs the reader may see).</summary>
public sealed record NeedRow(
    int Id, string Name, ProblemCause? Category, NeedSource Source, string? Unit, DateOnly StartDate, DateOnly? Deadline, WorkItemStatus Status,
    Light Light, LightReason LightReason, int Round, Satisfaction? Satisfaction, Satisfaction? LastRating, bool Answered, DateOnly? ClosedOn);

public sealed record RatingRow(int Round, Satisfaction Satisfaction, string? Comment, DateOnly RatedOn, string RatedBy);

public sealed record FirmProjectRow(int Id, string Name, Light Light, decimal TotalInvestment);

public sealed record FirmDetailDto(
    int Id, string Name, string? CreditCode, string? Industry, int? IndustryNodeId, int? TownUnitId, string? Town, bool IsKey, int? StewardId,
    string? Steward, string? StewardUnit, string? ContactName, string? ContactPhone, string? Address, DateOnly RegisteredOn,
    IReadOnlyList<FirmProjectRow> Projects, IReadOnlyList<NeedRow> Needs);

public sealed record NeedDetailDto(int FirmId, string Firm, NeedRow Need, string? Content, int LeadUnitId, IReadOnlyList<RatingRow> Ratings, bool MayClose);

/// <summary>
/// Reads of the firm register and firms' needs. The register is the region's (firms are not confidential); needs
/// are work items and go through the visibility filter, so a firm's page lists only the needs the reader sees.
/// </summary>
public static class FirmQueries
{
    public static async Task<FirmPage> ListAsync(DubanDb db, AccessScope scope, FirmFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        var firms = db.Firms.AsNoTracking().Where(f => f.RegionId == scope.RegionId);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var code = q.ToUpperInvariant();
            firms = firms.Where(f => f.Name.Contains(q) || f.CreditCode == code);
        }

        if (filter.Key == true)
        {
            firms = firms.Where(f => f.IsKey);
        }

        if (filter.TownId is { } town)
        {
            firms = firms.Where(f => f.TownUnitId == town);
        }

        var size = filter.PageSize ?? 50;
        var page = filter.Page ?? 1;
        var total = await firms.CountAsync(ct);
        var rows = await firms.OrderByDescending(f => f.IsKey).ThenBy(f => f.Name).Skip((page - 1) * size).Take(size)
            .Select(f => new
            {
                f.Id,
                f.Name,
                f.CreditCode,
                f.Industry,
                Town = db.Units.Where(u => u.Id == f.TownUnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault(),
                f.IsKey,
                Steward = db.People.Where(p => p.Id == f.StewardId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await Needs(db, scope).Where(x => ids.Contains(x.Need.FirmId))
            .GroupBy(x => x.Need.FirmId)
            .Select(g => new { FirmId = g.Key, Needs = g.Count(), Open = g.Count(x => x.Item.Status != WorkItemStatus.Closed) })
            .ToDictionaryAsync(x => x.FirmId, ct);
        return new FirmPage(
            rows.Select(r => new FirmRow(r.Id, r.Name, r.CreditCode, r.Industry, r.Town, r.IsKey, r.Steward,
                counts.TryGetValue(r.Id, out var c) ? c.Open : 0, counts.TryGetValue(r.Id, out var d) ? d.Needs : 0)).ToList(),
            total, page, size);
    }

    public static async Task<FirmDetailDto?> DetailAsync(DubanDb db, AccessScope scope, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var firm = await db.Firms.AsNoTracking().Where(f => f.Id == id && f.RegionId == scope.RegionId)
            .Select(f => new
            {
                Firm = f,
                Town = db.Units.Where(u => u.Id == f.TownUnitId).Select(u => u.Name).FirstOrDefault(),
                Steward = db.People.Where(p => p.Id == f.StewardId).Select(p => new { p.Name, Unit = db.Units.Where(u => u.Id == p.UnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault() }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (firm is null)
        {
            return null;
        }

        var f = firm.Firm;

        // A firm's projects are the key projects it owns (项目业主), as far as the reader sees them.
        var projects = await db.WorkItems.AsNoTracking().VisibleTo(db, scope).Where(w => w.Kind == WorkItemKind.KeyProject)
            .Join(db.Projects.Where(p => p.OwnerCompany == f.Name), w => w.Id, p => p.WorkItemId, (w, p) => new { w.Id, w.Name, w.Light, p.TotalInvestment })
            .OrderBy(p => p.Name).Take(100).Select(p => new FirmProjectRow(p.Id, p.Name, p.Light, p.TotalInvestment)).ToListAsync(ct);
        var needs = await NeedRowsAsync(db, scope, Needs(db, scope).Where(x => x.Need.FirmId == f.Id), ct);
        return new FirmDetailDto(f.Id, f.Name, f.CreditCode, f.Industry, f.IndustryNodeId, f.TownUnitId, firm.Town, f.IsKey, f.StewardId,
            firm.Steward?.Name, firm.Steward?.Unit, f.ContactName, f.ContactPhone, f.Address, f.RegisteredOn, projects, needs);
    }

    /// <summary>The need behind a problem work item the reader may see, or null when it is no firm's need.</summary>
    public static async Task<NeedDetailDto?> NeedAsync(DubanDb db, AccessScope scope, int workItemId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await Needs(db, scope).Where(x => x.Item.Id == workItemId)
            .Select(x => new { x.Need.Id, x.Need.FirmId, Firm = db.Firms.Where(f => f.Id == x.Need.FirmId).Select(f => f.Name).First(), x.Item.Content, x.Item.LeadUnitId })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var row = (await NeedRowsAsync(db, scope, Needs(db, scope).Where(x => x.Item.Id == workItemId), ct)).Single();
        var ratings = await db.NeedRatings.AsNoTracking().Where(r => r.FirmNeedId == found.Id).OrderBy(r => r.RatedAt)
            .Select(r => new RatingRow(r.Round, r.Satisfaction, r.Comment, r.RatedOn, r.RatedByName)).ToListAsync(ct);
        var mayClose = row.Status != WorkItemStatus.Closed && row.Satisfaction is Satisfaction.Satisfied or Satisfaction.Basic;
        return new NeedDetailDto(found.FirmId, found.Firm, row, found.Content, found.LeadUnitId, ratings, mayClose);
    }

    /// <summary>Needs registered in a year, by category: how many, closed, rated, and satisfied at the last rating.</summary>
    public static async Task<List<NeedCategoryFigure>> FiguresAsync(DubanDb db, AccessScope scope, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var first = new DateOnly(year, 1, 1).DayNumber;
        var last = new DateOnly(year, 12, 31).DayNumber;
        var groups = await Needs(db, scope).Where(x => x.Item.StartDay >= first && x.Item.StartDay <= last)
            .GroupBy(x => x.Item.ProblemCause)
            .Select(g => new
            {
                Category = g.Key,
                Total = g.Count(),
                Closed = g.Count(x => x.Item.Status == WorkItemStatus.Closed),
                Rated = g.Count(x => x.Need.LastRating != null),
                Satisfied = g.Count(x => x.Need.LastRating == Satisfaction.Satisfied || x.Need.LastRating == Satisfaction.Basic),
            })
            .ToListAsync(ct);
        return groups.Select(g => new NeedCategoryFigure(g.Category ?? ProblemCause.Other, g.Total, g.Closed, g.Rated, g.Satisfied))
            .GroupBy(g => g.Category)
            .Select(g => new NeedCategoryFigure(g.Key, g.Sum(x => x.Total), g.Sum(x => x.Closed), g.Sum(x => x.Rated), g.Sum(x => x.Satisfied)))
            .OrderByDescending(g => g.Total).ThenBy(g => g.Category).ToList();
    }

    /// <summary>The needs the reader may see, each with its work item.</summary>
    public static IQueryable<NeedWithItem> Needs(DubanDb db, AccessScope scope) =>
        db.WorkItems.AsNoTracking().VisibleTo(db, scope).Where(w => w.Kind == WorkItemKind.Problem)
            .Join(db.FirmNeeds.AsNoTracking(), w => w.Id, n => n.WorkItemId, (w, n) => new NeedWithItem { Item = w, Need = n });

    private static async Task<List<NeedRow>> NeedRowsAsync(DubanDb db, AccessScope scope, IQueryable<NeedWithItem> needs, CancellationToken ct)
    {
        var rows = await needs.OrderBy(x => x.Item.Status == WorkItemStatus.Closed).ThenByDescending(x => x.Item.StartDay).ThenByDescending(x => x.Item.Id).Take(200)
            .Select(x => new
            {
                x.Item.Id,
                x.Item.Name,
                x.Item.ProblemCause,
                x.Need.Source,
                Unit = db.Units.Where(u => u.Id == x.Item.LeadUnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault(),
                x.Item.StartDate,
                x.Item.Deadline,
                x.Item.Status,
                x.Item.Light,
                x.Item.LightReason,
                x.Need.Round,
                x.Need.Satisfaction,
                x.Need.LastRating,
                x.Need.OpenedAt,
                x.Item.LastReportAt,
                x.Item.ClosedOn,
            })
            .ToListAsync(ct);
        return rows.Select(r => new NeedRow(r.Id, r.Name, r.ProblemCause, r.Source, r.Unit, r.StartDate, r.Deadline, r.Status, r.Light, r.LightReason,
            r.Round, r.Satisfaction, r.LastRating, FirmNeed.AnsweredSince(r.OpenedAt, r.LastReportAt), r.ClosedOn)).ToList();
    }
}

public sealed class NeedWithItem
{
    public required WorkItem Item { get; init; }
    public required FirmNeed Need { get; init; }
}
