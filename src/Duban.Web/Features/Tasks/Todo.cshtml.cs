using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Home;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Duban.Web.Features.Tasks;

/// <summary>"My to-do" (待办): reports due or missing on my unit's work, requests sent back to me, and for the office the review queue.</summary>
[Requires(Permission.Read)]
public sealed class TodoModel(DubanDb db, WorkContext work) : PageModel
{
    public MyWorkData Work { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Work = await MyWork.LoadAsync(db, work, await work.ScopeAsync(ct), ct);
}
