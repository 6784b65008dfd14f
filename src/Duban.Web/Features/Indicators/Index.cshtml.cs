using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Duban.Web.Features.Indicators;

/// <summary>The indicator board (一表掌进度): every indicator of the region against its target, at its latest period.</summary>
[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, WorkContext work) : PageModel
{
    public Board Board { get; private set; } = new(2026, null, [], []);

    public bool May(Permission permission) => work.May(permission);

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        var y = year is >= InputBounds.FirstYear and <= InputBounds.LastYear ? year.Value : work.Today.Year;
        Board = await IndicatorQueries.BoardAsync(db, await work.ScopeAsync(ct), y, ct);
    }
}
