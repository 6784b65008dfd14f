using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Promotion;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Duban.Web.Features.Firms;

/// <summary>The firm register (企业库), searchable, with the year's needs by category: 办结率 and 满意率.</summary>
[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, WorkContext work) : PageModel
{
    public FirmPage Firms { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<NeedCategoryFigure> Figures { get; private set; } = [];
    public int Year { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Key { get; set; }

    public bool May(Permission permission) => work.May(permission);

    public async Task OnGetAsync(int? p, int? year, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        Year = InputBounds.Year(year, work.Today.Year);
        var q = Q is { Length: > 100 } ? Q[..100] : Q;
        Firms = await FirmQueries.ListAsync(db, scope, new FirmFilter { Q = q, Key = Key ? true : null, Page = InputBounds.Page(p) }, ct);
        Figures = await FirmQueries.FiguresAsync(db, scope, Year, ct);
    }
}
