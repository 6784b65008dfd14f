using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Duban.Web.Features.Units;

[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, ScopeAccessor scopes) : PageModel
{
    public IReadOnlyList<UnitNode> Tree { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tree = await UnitQueries.TreeAsync(db, await scopes.GetAsync(ct), ct);
}
