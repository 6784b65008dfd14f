using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Duban.Web.Features.Problems;

/// <summary>The problem list (问题清单) in its three parts: new, in progress, closed.</summary>
[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, WorkContext work) : PageModel
{
    public ProblemList List { get; private set; }
    public IReadOnlyList<ProblemRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(ProblemList? list, CancellationToken ct)
    {
        List = list ?? ProblemList.New;
        Rows = await RaiseProblem.ListAsync(db, await work.ScopeAsync(ct), List, null, ct);
    }
}
