package main

import (
	"encoding/binary"
	"fmt"
	"image"
)

// ICO packs square frames into a Windows icon file with PNG-compressed
// entries, which Windows reads since Vista and windres embeds as they are.
func ICO(frames []image.Image) ([]byte, error) {
	const headerLen, entryLen = 6, 16
	out := make([]byte, headerLen+entryLen*len(frames))
	binary.LittleEndian.PutUint16(out[2:], 1) // type: icon
	binary.LittleEndian.PutUint16(out[4:], uint16(len(frames)))
	for i, img := range frames {
		n := img.Bounds().Dx()
		if n != img.Bounds().Dy() || n < 1 || n > 256 {
			return nil, fmt.Errorf("icon frame %d is %v; frames must be square, 1 to 256 px", i, img.Bounds().Size())
		}
		data, err := encodePNG(img)
		if err != nil {
			return nil, err
		}
		e := out[headerLen+entryLen*i:]
		e[0], e[1] = byte(n%256), byte(n%256)    // 0 means 256
		binary.LittleEndian.PutUint16(e[4:], 1)  // colour planes
		binary.LittleEndian.PutUint16(e[6:], 32) // bits per pixel
		binary.LittleEndian.PutUint32(e[8:], uint32(len(data)))
		binary.LittleEndian.PutUint32(e[12:], uint32(len(out)))
		out = append(out, data...)
	}
	return out, nil
}
