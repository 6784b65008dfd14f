using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Units;

public sealed record UnitNode(Unit Unit, int PeopleCount, IReadOnlyList<UnitNode> Children);

public static class UnitQueries
{
    /// <summary>The visible part of the tree, as nested nodes ordered as the office orders them.</summary>
    public static async Task<IReadOnlyList<UnitNode>> TreeAsync(DubanDb db, AccessScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.Units.VisibleTo(scope).AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        var counts = await db.People.VisibleTo(db, scope).Where(p => p.IsActive)
            .GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var ids = units.Select(u => u.Id).ToHashSet();
        var byParent = units.ToLookup(u => u.ParentId is { } p && ids.Contains(p) ? p : (int?)null);

        List<UnitNode> Build(int? parentId) =>
            byParent[parentId].Select(u => new UnitNode(u, counts.GetValueOrDefault(u.Id), Build(u.Id))).ToList();

        return Build(null);
    }

    /// <summary>The chain from the top of what the viewer sees down to the unit, for breadcrumbs.</summary>
    public static async Task<IReadOnlyList<Unit>> AncestorsAsync(DubanDb db, AccessScope scope, Unit unit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        var ids = UnitPath.Ids(unit.Path).Where(i => i != unit.Id).ToList();
        var found = await db.Units.VisibleTo(scope).AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        return found.OrderBy(u => u.Path.Length).ToList();
    }

    public static Task<List<Unit>> ChoicesAsync(DubanDb db, AccessScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Units.VisibleTo(scope).AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
    }
}
