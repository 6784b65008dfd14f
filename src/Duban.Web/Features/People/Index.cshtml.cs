using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.People;

[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, ScopeAccessor scopes) : PageModel
{
    private const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyDictionary<int, string> UnitNames { get; private set; } = new Dictionary<int, string>();
    public int MinDepth { get; private set; }
    public bool More { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        // One read of the visible units serves both the filter and the unit column.
        var visible = await db.Units.VisibleTo(scope).AsNoTracking().OrderBy(u => u.Path).ToListAsync(ct);
        Units = visible.Where(u => u.IsActive).ToList();
        MinDepth = Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
        UnitNames = visible.ToDictionary(u => u.Id, u => u.ShortName ?? u.Name);
        var found = await PeopleQueries.Search(db, scope, UnitId, Q).Take(PageSize + 1).ToListAsync(ct);
        More = found.Count > PageSize;
        People = found.Take(PageSize).ToList();
    }
}
