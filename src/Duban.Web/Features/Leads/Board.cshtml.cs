using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Leads;

/// <summary>
/// The pipeline board: the funnel by stage, signing and landing rates, time in each stage, this year's signings
/// and landings, stale and signed-not-landed leads, and the counts by industry, unit and leader. Anyone who
/// reads sees the counts; only the lagging leads the reader may open are named.
/// </summary>
[Requires(Permission.Read)]
public sealed class BoardModel(DubanDb db, WorkContext work) : PageModel
{
    public PipelineBoard Board { get; private set; } = null!;
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    public bool May(Permission permission) => work.May(permission);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        Year = InputBounds.Year(Year, work.Today.Year);
        Board = await LeadQueries.BoardAsync(db, scope, Year.Value, work.Today, UnitId, ct);
        Units = await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId && u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
    }
}
