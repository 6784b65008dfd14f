using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Indicators;

/// <summary>From an indicator's work item (in a list of items, on the overview) to the indicator's page for its year and unit.</summary>
[Requires(Permission.Read)]
public sealed class ItemModel(DubanDb db, WorkContext work) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        var target = await db.IndicatorTargets.AsNoTracking().Where(t => t.WorkItemId == id && t.RegionId == scope.RegionId)
            .Select(t => new { t.IndicatorId, t.Year, t.UnitId }).FirstOrDefaultAsync(ct);
        if (target is null)
        {
            return NotFound();
        }

        return Redirect($"/Indicators/{target.IndicatorId}?year={target.Year}" + (target.UnitId is { } u ? $"&unitId={u}" : string.Empty));
    }
}
