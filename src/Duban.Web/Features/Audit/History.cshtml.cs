using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Duban.Web.Features.Audit;

/// <summary>An entity's history as an htmx fragment, loaded into its detail page.</summary>
[Requires(Permission.Read)]
public sealed class HistoryModel(DubanDb db, ScopeAccessor scopes) : PageModel
{
    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    public string Kind { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string kind, int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var entries = await HistoryQueries.ForAsync(db, scope, User.May(Permission.ManageAccounts), kind, id, ct);
        if (entries is null)
        {
            return NotFound();
        }

        Entries = entries;
        Kind = kind;
        return Page();
    }
}
