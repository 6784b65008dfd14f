using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Duban.Web.Features.Audit;

/// <summary>The auditor's view of the region's whole audit trail, and whether its chain still holds.</summary>
[Requires(Permission.ReadAudit)]
public sealed class IndexModel(DubanDb db, ScopeAccessor scopes, VerifyAuditChain verify) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public AuditPage Entries { get; private set; } = new([], 1, 50, false);

    public IReadOnlyList<string> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Kinds = AuditQueries.Kinds(db);
        Entries = await AuditQueries.ListAsync(db, scope.RegionId, User.TimeZoneOf(), Filter, ct);
    }

    /// <summary>The chain's state, loaded into the page after it shows: verifying walks the whole chain.</summary>
    public async Task<IActionResult> OnGetChainAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        return Partial("_AuditChain", await verify.RunAsync(scope.RegionId, null, ct));
    }
}
