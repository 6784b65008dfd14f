using Microsoft.AspNetCore.Identity;

namespace Duban.Data;

/// <summary>A sign-in account. It belongs to one region and usually acts as one person of one unit.</summary>
public sealed class Account : IdentityUser<int>
{
    public int RegionId { get; set; }
    public int? PersonId { get; set; }

    /// <summary>The unit whose subtree a non-region-wide account sees.</summary>
    public int? UnitId { get; set; }

    public required string DisplayName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

public sealed class Role : IdentityRole<int>
{
}
