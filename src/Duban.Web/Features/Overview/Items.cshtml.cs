using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Overview;

/// <summary>The items behind one figure of the overview: region → unit → item.</summary>
[Requires(Permission.Read)]
public sealed class ItemsModel(DubanDb db, WorkContext work) : PageModel
{
    public OverviewQueries.ItemQuery Query { get; private set; } = new();
    public int Total { get; private set; }
    public IReadOnlyList<OverviewQueries.ItemRow> Rows { get; private set; } = [];
    public string? UnitName { get; private set; }

    public async Task OnGetAsync(int? unitId, int? ledgerId, int? leaderId, WorkItemKind? kind, Light? light, string? only, bool direct, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        Query = new OverviewQueries.ItemQuery { UnitId = unitId, LedgerId = ledgerId, LeaderId = leaderId, Kind = kind, Light = light, Only = only, Direct = direct };
        (Total, var rows) = await OverviewQueries.ItemsAsync(db, scope, Query, work.Today, work.UtcNow, ct);
        Rows = rows;
        UnitName = unitId is { } id ? await db.Units.Where(u => u.Id == id && u.RegionId == scope.RegionId).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
    }
}
