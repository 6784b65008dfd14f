using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Projects;

/// <summary>The project ledger: one row a project, its stage, investment against plan and time, and its light.</summary>
[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, WorkContext work) : PageModel
{
    public ProjectFilter Filter { get; private set; } = new();
    public ProjectPage Rows { get; private set; } = new([], 0, 1, 50, 2026, 0);
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Ledger> Ledgers { get; private set; } = [];
    public int MinDepth { get; private set; }
    public bool May(Permission permission) => work.May(permission);

    public async Task OnGetAsync(int? ledgerId, int? unitId, ProjectPool? pool, ProjectStage? stage, ProjectCategory? category, Light? light, string? q, string? sort, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        Filter = new ProjectFilter { LedgerId = ledgerId, UnitId = unitId, Pool = pool, Stage = stage, Category = category, Light = light, Q = q, Sort = sort, Page = page };
        Rows = await ProjectQueries.ListAsync(db, scope, Filter, work.Today, await RulesOf.CurveAsync(db, scope.RegionId, ct), ct);
        Units = await db.Units.VisibleTo(scope).AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        MinDepth = Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
        Ledgers = await db.Ledgers.AsNoTracking().Where(l => l.RegionId == scope.RegionId && !l.IsArchived
            && db.WorkItems.Any(w => w.LedgerId == l.Id && w.Kind == WorkItemKind.KeyProject)).OrderByDescending(l => l.Year).ToListAsync(ct);
    }
}
