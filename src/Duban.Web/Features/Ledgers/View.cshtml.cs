using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Ledgers;

/// <summary>The ledger as offices know it from their spreadsheet: one row a task, its light and reason, filters and sort.</summary>
[Requires(Permission.Read)]
public sealed class ViewModel(DubanDb db, ScopeAccessor scopes, WorkContext work) : PageModel
{
    public Ledger Ledger { get; private set; } = null!;
    public TaskFilter Filter { get; private set; } = new();
    public TaskPage Rows { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public int MinDepth { get; private set; }
    public IReadOnlyList<Person> Leaders { get; private set; } = [];
    public bool May(Permission permission) => work.May(permission);

    [Requires(Permission.Reassign)]
    public async Task<IActionResult> OnPostAssignAsync(int id, List<int> taskIds, int? leadUnitId, int? leaderId, [FromServices] BulkAssign assign, [FromServices] Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var outcome = await assign.RunAsync(new BulkAssignInput { TaskIds = taskIds, LeadUnitId = leadUnitId, LeaderId = leaderId }, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors!.CopyTo(ModelState, string.Empty);
            return await OnGetAsync(id, null, null, null, null, null, null, null, ct);
        }

        TempData["Flash"] = l["Bulk.Done", outcome.Value].Value;
        return Redirect($"/Ledgers/View/{id}");
    }

    public async Task<IActionResult> OnGetAsync(int id, int? unitId, Light? light, int? leaderId, CadenceKind? cadence, string? q, string? sort, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var ledger = await db.Ledgers.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.RegionId == scope.RegionId, ct);
        if (ledger is null)
        {
            return NotFound();
        }

        // A project library (projects and their problems, no tasks) is shown as the project ledger.
        if (await db.WorkItems.AnyAsync(w => w.LedgerId == id && w.Kind == WorkItemKind.KeyProject, ct)
            && !await db.WorkItems.AnyAsync(w => w.LedgerId == id && w.Kind == WorkItemKind.Task, ct))
        {
            return Redirect($"/Projects?ledgerId={id}");
        }

        Ledger = ledger;
        Filter = new TaskFilter { LedgerId = id, UnitId = unitId, Light = light, LeaderId = leaderId, Cadence = cadence, Q = q, Sort = sort, Page = page };
        Rows = await TaskQueries.ListAsync(db, scope, Filter, ct);
        Units = await db.Units.VisibleTo(scope).AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        MinDepth = Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
        Leaders = await db.People.AsNoTracking().Where(p => p.RegionId == scope.RegionId && p.IsLeader && p.IsActive).OrderBy(p => p.Id).ToListAsync(ct);
        return Page();
    }
}
