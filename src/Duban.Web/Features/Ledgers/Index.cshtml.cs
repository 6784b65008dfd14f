using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Ledgers;

[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, ScopeAccessor scopes) : PageModel
{
    public IReadOnlyList<Ledger> Ledgers { get; private set; } = [];

    public IReadOnlyDictionary<int, Dictionary<Light, int>> Counts { get; private set; } = new Dictionary<int, Dictionary<Light, int>>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        // A year's indicator ledger is read on the indicator board, not as a task list.
        Ledgers = await db.Ledgers.AsNoTracking().Where(l => l.RegionId == scope.RegionId && !l.IsArchived
                && !db.WorkItems.Any(w => w.LedgerId == l.Id && w.Kind == Domain.Work.WorkItemKind.Indicator))
            .OrderByDescending(l => l.Year).ThenBy(l => l.Id).ToListAsync(ct);
        var rows = await db.WorkItems.AsNoTracking().VisibleTo(db, scope)
            .GroupBy(w => new { w.LedgerId, w.Light })
            .Select(g => new { g.Key.LedgerId, g.Key.Light, Count = g.Count() })
            .ToListAsync(ct);
        Counts = rows.GroupBy(r => r.LedgerId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Light, r => r.Count));
    }
}
