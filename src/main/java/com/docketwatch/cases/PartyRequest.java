package com.docketwatch.cases;

import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /cases/{id}/parties}. */
public record PartyRequest(
        @Required @Size(max = 500, message = Check.AT_MOST) @NoNul
        String name,

        @Required PartyRole role,
        List<@NotNull(message = "must be an object with a name") @Valid CounselRequest> counsel) {}
