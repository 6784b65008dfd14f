using Duban.Data;
using Duban.Domain.Organisation;
using Duban.Web.Features.Units;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.People;

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
        Units = await UnitQueries.ChoicesAsync(db, scope, ct);
        MinDepth = Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
        UnitNames = await db.Units.VisibleTo(scope).ToDictionaryAsync(u => u.Id, u => u.ShortName ?? u.Name, ct);
        var found = await PeopleQueries.Search(db, scope, UnitId, Q).Take(PageSize + 1).ToListAsync(ct);
        More = found.Count > PageSize;
        People = found.Take(PageSize).ToList();
    }
}
