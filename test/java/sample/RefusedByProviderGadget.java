package sample;

import java.util.List;
import java.util.Map;

import io.mvinfra.buttons.ButtonScript;
import io.mvinfra.http.ProviderException;
import io.mvinfra.http.ProviderException.Kind;

/** Test button: lets a provider's refusal through, as every button may; the module's base tells it to the operator. */
public class RefusedByProviderGadget extends ButtonScript {
    @Override
    protected void press(Map<String, Object> ctx) {
        throw refusal();
    }

    static ProviderException refusal() {
        return new ProviderException("cloudflare", Kind.QUOTA_EXCEEDED, 429, List.of("971"), "Please wait and consider throttling your request speed",
                "8c7d1e2f3a4b5c6d-CDG", null);
    }
}
